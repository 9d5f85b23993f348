package dev.darkroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.testsupport.FalSimRequests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Nothing lost, nothing charged twice: lost, late and duplicated webhooks, a worker killed between its fal submit and
 * its ack, a job stuck in fal's queue, and cancellation in every state. The shared platform's orchestrator runs the
 * reconciler on a short clock ({@link Reconciling#FAST}).
 */
class ReliabilityEndToEndTest {

    static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);

    static Platform platform;
    static Api api;
    static Db db;
    static FalSimRequests fal;
    static Api.Tenant tenant;

    @BeforeAll
    static void platform() {
        platform = SharedPlatform.get();
        api = new Api(platform.gatewayUrl());
        db = new Db(platform.database());
        fal = platform.fal().requests();
        tenant = api.aTenant("monthly_budget_usd", "50.00");
    }

    @Test
    void aDroppedWebhookStillCompletesTheJobThroughTheReconciler() {
        String id = submit(tenant, "lost webhook [sim:drop_webhook]");

        JsonNode done = api.awaitStatus(tenant.key(), id, JOB_TIMEOUT, "succeeded", "failed");

        assertThat(done.get("status").asString()).isEqualTo("succeeded");
        assertThat(done.get("outputs")).hasSize(1);
        JsonNode request = falRequests(id).get(0);
        assertThat(request.path("webhook").path("state").asString()).isEqualTo("DROPPED");
        assertThat(FalSimRequests.webhookStatuses(request)).isEmpty();
    }

    @Test
    void aWebhookArrivingAfterTheReconcilerFinishedTheJobChangesNothing() {
        String id = submit(tenant, "late webhook [sim:delay_webhook=25s]");
        JsonNode done = api.awaitStatus(tenant.key(), id, JOB_TIMEOUT, "succeeded", "failed");
        assertThat(done.get("status").asString()).isEqualTo("succeeded");

        Awaitility.await("the late webhook delivered")
                .atMost(Duration.ofSeconds(60))
                .until(() ->
                        FalSimRequests.webhookStatuses(falRequests(id).get(0)).contains(200));

        JsonNode after = api.get(tenant.key(), "/v1/jobs/" + id).body();
        assertThat(after.get("updated_at")).isEqualTo(done.get("updated_at"));
        assertThat(after.get("outputs").get(0).get("sha256"))
                .isEqualTo(done.get("outputs").get(0).get("sha256"));
        UUID job = UUID.fromString(id);
        assertThat(db.count("select count(*) from ledger_entry where job_id = ? and kind = 'settle'", job))
                .isEqualTo(1);
        assertThat(db.count("select count(*) from job_output where job_id = ?", job))
                .isEqualTo(1);
    }

    @Test
    void aDuplicatedWebhookGivesOneSetOfOutputsAndOneSettlement() {
        String id = submit(tenant, "twice [sim:duplicate_webhook]");

        api.awaitStatus(tenant.key(), id, JOB_TIMEOUT, "succeeded");

        UUID job = UUID.fromString(id);
        Awaitility.await("both deliveries made")
                .atMost(Duration.ofSeconds(30))
                .until(() ->
                        FalSimRequests.webhookStatuses(falRequests(id).get(0)).size() >= 2);
        assertThat(db.count("select count(*) from ledger_entry where job_id = ? and kind = 'settle'", job))
                .isEqualTo(1);
        assertThat(db.count("select count(*) from job_output where job_id = ?", job))
                .isEqualTo(1);
    }

    /**
     * The worker dies after fal queued its request (R1) and before it reported it or acked the message. The message
     * is redelivered and the restarted worker submits again (R2). Darkroom keeps the first fal request it learns of:
     * here R1, whose webhook arrives while the worker is still restarting and binds the job through the receiver's
     * claim; R2, reported afterwards, is cancelled at fal and its result refused at the claim. One charge, one set
     * of outputs. (Had R2 been reported first, R2 would be kept and R1's result refused the same way.)
     */
    @Test
    void aWorkerKilledBetweenFalSubmitAndAckNeverLeadsToTwoChargesOrTwoOutputSets() {
        String id = submit(tenant, "killed worker [sim:submit_delay=6s]");
        Awaitility.await("fal queued the first request")
                .atMost(Duration.ofSeconds(30))
                .until(() -> !falRequests(id).isEmpty());
        platform.restart("worker-image");

        JsonNode done = api.awaitStatus(tenant.key(), id, JOB_TIMEOUT, "succeeded", "failed");
        assertThat(done.get("status").asString()).isEqualTo("succeeded");
        Awaitility.await("the redelivered message submitted again")
                .atMost(Duration.ofSeconds(60))
                .until(() -> falRequests(id).size() == 2);
        List<JsonNode> requests = falRequests(id); // newest first
        String first = requests.get(1).get("request_id").asString();
        String second = requests.get(0).get("request_id").asString();
        UUID job = UUID.fromString(id);
        String kept = (String) db.rows("select fal_request_id from job where id = ?", job)
                .get(0)
                .get(0);
        System.out.printf("killed worker: fal requests %s (first) and %s (second); kept %s%n", first, second, kept);
        assertThat(kept).isEqualTo(first);
        Awaitility.await("the second request cancelled at fal")
                .atMost(Duration.ofSeconds(60))
                .until(() -> db.count(
                                "select count(*) from fal_request_to_cancel where fal_request_id = ? and done_at is not null",
                                second)
                        == 1);
        assertThat(db.count("select count(*) from ledger_entry where job_id = ? and kind = 'settle'", job))
                .isEqualTo(1);
        assertThat(db.count("select count(*) from job_output where job_id = ?", job))
                .isEqualTo(1);
        assertThat(done.get("cost_usd").asString()).isEqualTo("0.025");
    }

    @Test
    void aJobStuckInFalsQueuePastItsDeadlineExpiresAndItsReservationIsReleased() {
        String id = submit(tenant, "never starts [sim:stuck]");

        JsonNode expired = api.awaitStatus(tenant.key(), id, JOB_TIMEOUT, "expired", "succeeded", "failed");

        assertThat(expired.get("status").asString()).isEqualTo("expired");
        assertThat(expired.get("cost_usd").asString()).isEqualTo("0.00");
        assertThat(ledger(id)).containsExactly("reserve 0.025000", "release 0.025000");
        Awaitility.await("cancelled at fal")
                .atMost(Duration.ofSeconds(30))
                .until(() -> FalSimRequests.cancelled(falRequests(id).get(0)));
    }

    @Test
    void aJobRunningAtFalPastTheLongestRunTimeIsCancelledThereAndExpires() {
        String id = submit(tenant, "runs for ever [sim:slow=600s]");

        JsonNode expired = api.awaitStatus(tenant.key(), id, JOB_TIMEOUT, "expired", "succeeded", "failed");

        assertThat(expired.get("status").asString()).isEqualTo("expired");
        assertThat(expired.get("error").get("message").asString()).contains("longer than PT30S");
        assertThat(ledger(id)).containsExactly("reserve 0.025000", "release 0.025000");
        Awaitility.await("cancelled at fal")
                .atMost(Duration.ofSeconds(30))
                .until(() -> FalSimRequests.cancelled(falRequests(id).get(0)));
    }

    @Test
    void aJobWaitingInDarkroomIsCanceledAtOnce() {
        Api.Tenant one = api.aTenant("max_concurrent_jobs", 1);
        String blocking = submit(one, "holds the only slot [sim:stuck]");
        api.awaitStatus(one.key(), blocking, JOB_TIMEOUT, "submitted");
        String waiting = submit(one, "waits its turn");
        assertThat(api.get(one.key(), "/v1/jobs/" + waiting)
                        .body()
                        .get("status")
                        .asString())
                .isEqualTo("queued");

        Api.Response canceled = api.post(one.key(), "/v1/jobs/" + waiting + "/cancel", null);

        assertThat(canceled.status()).isEqualTo(200);
        assertThat(canceled.body().get("status").asString()).isEqualTo("canceled");
        assertThat(ledger(waiting)).containsExactly("reserve 0.025000", "release 0.025000");
        Api.Response atFal = api.post(one.key(), "/v1/jobs/" + blocking + "/cancel", null);
        assertThat(atFal.status()).isEqualTo(202);
        assertThat(api.awaitStatus(one.key(), blocking, JOB_TIMEOUT, "canceled")
                        .get("cost_usd")
                        .asString())
                .isEqualTo("0.00");
    }

    @Test
    void aRunningJobIsCancelledAtFalAndEndsCanceled() {
        String id = submit(tenant, "takes a while [sim:slow=60s]");
        api.awaitStatus(tenant.key(), id, JOB_TIMEOUT, "running");

        assertThat(api.post(tenant.key(), "/v1/jobs/" + id + "/cancel", null).status())
                .isEqualTo(202);

        JsonNode canceled = api.awaitStatus(tenant.key(), id, JOB_TIMEOUT, "canceled", "succeeded", "failed");
        assertThat(canceled.get("status").asString()).isEqualTo("canceled");
        assertThat(ledger(id)).containsExactly("reserve 0.025000", "release 0.025000");
        assertThat(FalSimRequests.cancelled(falRequests(id).get(0))).isTrue();
    }

    @Test
    void aJobFalFinishedBeforeTheCancelReachedItSucceedsAndIsCharged() {
        String id = submit(tenant, "already done [sim:drop_webhook]");
        Awaitility.await("fal finished it")
                .atMost(Duration.ofSeconds(30))
                .until(() -> falRequests(id).stream()
                        .anyMatch(r -> "COMPLETED".equals(r.path("state").asString())));

        assertThat(api.post(tenant.key(), "/v1/jobs/" + id + "/cancel", null).status())
                .isEqualTo(202);

        JsonNode done = api.awaitStatus(tenant.key(), id, JOB_TIMEOUT, "succeeded", "canceled");
        assertThat(done.get("status").asString()).isEqualTo("succeeded");
        assertThat(done.get("cost_usd").asString()).isEqualTo("0.025");
    }

    @Test
    void aFinishedJobCannotBeCanceled() {
        String id = submit(tenant, "quick");
        api.awaitStatus(tenant.key(), id, JOB_TIMEOUT, "succeeded");

        Api.Response r = api.post(tenant.key(), "/v1/jobs/" + id + "/cancel", null);

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body().get("code").asString()).isEqualTo("job_finished");
        assertThat(r.body().get("job_status").asString()).isEqualTo("succeeded");
        assertThat(r.body().get("status").asInt()).isEqualTo(409);
    }

    @Test
    void aJobNoWorkerPickedUpIsCanceledAndItsLateSubmissionIsCancelledAtFalAndNeverStored() {
        ServiceProcess worker = platform.service("worker-image");
        worker.kill();
        try {
            String id = submit(tenant, "no worker yet");
            assertThat(api.get(tenant.key(), "/v1/jobs/" + id)
                            .body()
                            .get("status")
                            .asString())
                    .isIn("queued", "dispatched");
            api.awaitStatus(tenant.key(), id, JOB_TIMEOUT, "dispatched");

            assertThat(api.post(tenant.key(), "/v1/jobs/" + id + "/cancel", null)
                            .status())
                    .isEqualTo(202);
            api.awaitStatus(tenant.key(), id, JOB_TIMEOUT, "canceled");
            assertThat(ledger(id)).containsExactly("reserve 0.025000", "release 0.025000");

            worker.start();
            worker.awaitReady(Duration.ofMinutes(3));
            // the restarted worker still submits the dispatched message; the orchestrator then cancels that request at
            // fal (a fast model may already have finished it) and the receiver refuses its result at the claim
            Awaitility.await("the worker's late submission handed to fal's cancel")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> db.count(
                                    "select count(*) from fal_request_to_cancel where job_id = ? and done_at is not null",
                                    UUID.fromString(id))
                            == 1);
            assertThat(db.count("select count(*) from job_output where job_id = ?", UUID.fromString(id)))
                    .isZero();
            assertThat(api.get(tenant.key(), "/v1/jobs/" + id)
                            .body()
                            .get("status")
                            .asString())
                    .isEqualTo("canceled");
        } finally {
            if (!worker.alive()) {
                worker.start();
                worker.awaitReady(Duration.ofMinutes(3));
            }
        }
    }

    @Test
    void anIdempotencyKeyGivesTheSameJobAndRefusesAnotherBody() {
        Map<String, String> key = Map.of("Idempotency-Key", "order-" + UUID.randomUUID());
        String body = "{\"model\":\"flux-dev\",\"input\":{\"prompt\":\"once\"}}";

        Api.Response first = api.submit(tenant.key(), body, key);
        Api.Response retry = api.submit(tenant.key(), body, key);
        Api.Response other = api.submit(tenant.key(), "{\"model\":\"flux-dev\",\"input\":{\"prompt\":\"twice\"}}", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body().get("id")).isEqualTo(first.body().get("id"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.body().get("code").asString()).isEqualTo("idempotency_key_reused");
    }

    private static String submit(Api.Tenant t, String prompt) {
        Api.Response r = api.submit(t.key(), Map.of("model", "flux-dev", "input", Map.of("prompt", prompt)));
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        return r.body().get("id").asString();
    }

    private static List<JsonNode> falRequests(String jobId) {
        return fal.ofJob(UUID.fromString(jobId));
    }

    private static List<String> ledger(String jobId) {
        return db
                .rows(
                        "select kind || ' ' || amount_usd from ledger_entry where job_id = ? order by id",
                        UUID.fromString(jobId))
                .stream()
                .map(r -> (String) r.get(0))
                .toList();
    }
}
