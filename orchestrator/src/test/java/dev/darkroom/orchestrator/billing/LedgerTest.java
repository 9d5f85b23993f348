package dev.darkroom.orchestrator.billing;

import static dev.darkroom.orchestrator.OrchestratorTestSupport.aFluxJob;
import static dev.darkroom.orchestrator.OrchestratorTestSupport.aJob;
import static dev.darkroom.orchestrator.OrchestratorTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkroom.contracts.messages.JobCompleted;
import dev.darkroom.contracts.messages.JobError;
import dev.darkroom.contracts.messages.JobFailed;
import dev.darkroom.contracts.messages.JobSubmitted;
import dev.darkroom.contracts.messages.RejectionCode;
import dev.darkroom.contracts.messages.StoredOutput;
import dev.darkroom.contracts.messages.SubmitJob;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.orchestrator.OrchestratorIntegrationTest;
import dev.darkroom.orchestrator.OrchestratorTestSupport;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@OrchestratorIntegrationTest
@TestPropertySource(properties = {"darkroom.dispatch.interval=100ms"})
class LedgerTest {

    @LocalServerPort
    int port;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    OrchestratorTestSupport support;

    @BeforeEach
    void setUp() {
        support = new OrchestratorTestSupport(port, rabbit);
    }

    @Test
    void settlesTheCatalogPriceOfTheRealOutputs() {
        UUID tenant = support.aTenant("monthly_budget_usd", "50.00");
        UUID custom = admitted(aFluxJob(tenant, "{\"prompt\":\"p\",\"width\":1200,\"height\":1000}"));
        UUID ultra = admitted(aJob(tenant, "flux-pro-ultra", "{\"prompt\":\"p\",\"num_images\":2}"));
        UUID hailuo = admitted(aJob(
                tenant,
                "hailuo-02-image-to-video",
                "{\"prompt\":\"p\",\"image_url\":\"https://x.test/a.png\",\"duration\":10}"));

        complete(custom, image(0, 1200, 1000));
        complete(ultra, image(0, 2752, 1536), image(1, 2752, 1536));
        complete(hailuo, video(0, "10.000"));

        await().ignoreExceptions().untilAsserted(() -> {
            assertThat(cost(custom)).isEqualByComparingTo("0.05"); // 1.2 MP of 1,048,576 px rounds up to 2 MP
            assertThat(cost(ultra)).isEqualByComparingTo("0.12"); // per image
            assertThat(cost(hailuo)).isEqualByComparingTo("0.45"); // per second
        });
        assertThat(jdbc.sql("select to_status from job_transition where job_id = ? order by id")
                        .param(custom)
                        .query(String.class)
                        .list())
                .startsWith("accepted", "queued")
                .endsWith("succeeded");
        JsonNode usage = support.tenantGet(tenant, "/v1/usage");
        assertThat(usage.get("total_cost_usd").asString()).isEqualTo("0.62");
        assertThat(usage.get("rows").toString())
                .contains("\"model\":\"flux-dev\",\"jobs\":1,\"images\":1,\"megapixels\":1.14")
                .contains("\"model\":\"flux-pro-ultra\",\"jobs\":1,\"images\":2")
                .contains("\"model\":\"hailuo-02-image-to-video\",\"jobs\":1,\"images\":0")
                .contains("\"video_seconds\":10");
    }

    @Test
    void afterAMixedRunTheLedgerBalancesToTheCent() {
        UUID tenant = support.aTenant("monthly_budget_usd", "0.20");
        UUID succeeded = admitted(aFluxJob(tenant, "{\"prompt\":\"p\",\"aspect_ratio\":\"1:1\"}"));
        UUID failed = admitted(aFluxJob(tenant, "{\"prompt\":\"p\"}"));
        UUID canceled = admitted(aFluxJob(tenant, "{\"prompt\":\"p\",\"num_images\":2}"));
        UUID inFlight = admitted(aFluxJob(tenant, "{\"prompt\":\"p\",\"num_images\":3}"));
        SubmitJob tooExpensive = aFluxJob(tenant, "{\"prompt\":\"p\",\"num_images\":4}");
        assertThat(support.submit(tooExpensive).rejection().code()).isEqualTo(RejectionCode.BUDGET_EXCEEDED);

        complete(succeeded, image(0, 1024, 1024));
        rabbit.convertAndSend(
                Messaging.EVENTS_EXCHANGE,
                Messaging.JOB_FAILED,
                new JobFailed(
                        failed, "req-" + failed, new JobError("content_policy_violation", "no", null), Instant.now()));
        cancelWhileQueuedOrAtFal(tenant, canceled);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(status(jdbc, succeeded)).isEqualTo("succeeded");
            assertThat(status(jdbc, failed)).isEqualTo("failed");
            assertThat(status(jdbc, canceled)).isIn("canceled");
        });
        assertThat(cost(failed)).isZero();
        assertThat(cost(canceled)).isZero();
        assertThat(status(jdbc, tooExpensive.jobId())).isEqualTo("rejected");
        BigDecimal settled = sum(
                "select coalesce(sum(amount_usd), 0) from ledger_entry where tenant_id = ? and kind = 'settle'",
                tenant);
        BigDecimal reservedNet = sum(
                "select coalesce(sum(case kind when 'reserve' then amount_usd when 'release' then -amount_usd end), 0)"
                        + " from ledger_entry where tenant_id = ?",
                tenant);
        assertThat(settled).isEqualByComparingTo(cost(succeeded)).isEqualByComparingTo("0.025");
        assertThat(reservedNet).isEqualByComparingTo(estimate(inFlight)).isEqualByComparingTo("0.075");
        assertThat(sum("select spent_usd from tenant_balance where tenant_id = ?", tenant))
                .isEqualByComparingTo(settled);
        assertThat(sum("select reserved_usd from tenant_balance where tenant_id = ?", tenant))
                .isEqualByComparingTo(reservedNet);
        assertThat(sum("select count(*) from ledger_entry where job_id = ?", tooExpensive.jobId()))
                .isZero();
    }

    @Test
    void aCompletionDeliveredTwiceSettlesOnce() {
        UUID tenant = support.aTenant();
        UUID job = admitted(aFluxJob(tenant, "{\"prompt\":\"p\",\"aspect_ratio\":\"1:1\"}"));

        complete(job, image(0, 1024, 1024));
        complete(job, image(0, 1024, 1024));

        await().until(() -> "succeeded".equals(status(jdbc, job)));
        assertThat(sum("select count(*) from ledger_entry where job_id = ? and kind = 'settle'", job))
                .isEqualTo(BigDecimal.ONE);
        assertThat(sum("select count(*) from job_output where job_id = ?", job)).isEqualTo(BigDecimal.ONE);
    }

    @Test
    void crossingABudgetThresholdRecordsOneAlertPerMonth() {
        UUID tenant = support.aTenant("monthly_budget_usd", "0.10", "alert_thresholds_pct", List.of(50, 100));
        admitted(aFluxJob(tenant, "{\"prompt\":\"p\",\"num_images\":2}")); // 0.05 = 50 %
        admitted(aFluxJob(tenant, "{\"prompt\":\"p\"}")); // 75 %
        admitted(aFluxJob(tenant, "{\"prompt\":\"p\"}")); // 100 %

        assertThat(jdbc.sql("select threshold_pct from budget_alert where tenant_id = ? order by threshold_pct")
                        .param(tenant)
                        .query(Integer.class)
                        .list())
                .containsExactly(50, 100);
        assertThat(meters.get("darkroom_budget_alerts_total")
                        .tag("tenant", tenant.toString())
                        .tag("threshold", "50")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    private UUID admitted(SubmitJob command) {
        assertThat(support.submit(command).rejection()).isNull();
        return command.jobId();
    }

    /** What the worker and the webhook-receiver would report: fal accepted it, then its outputs are stored. */
    private void complete(UUID job, StoredOutput... outputs) {
        String request = "req-" + job;
        rabbit.convertAndSend(
                Messaging.EVENTS_EXCHANGE,
                Messaging.JOB_SUBMITTED,
                new JobSubmitted(
                        job, request, "http://fal/status", "http://fal/response", "http://fal/cancel", Instant.now()));
        rabbit.convertAndSend(
                Messaging.EVENTS_EXCHANGE,
                Messaging.JOB_COMPLETED,
                new JobCompleted(job, request, List.of(outputs), Instant.now()));
    }

    private void cancelWhileQueuedOrAtFal(UUID tenant, UUID job) {
        org.springframework.web.client.RestClient.create("http://127.0.0.1:" + port)
                .post()
                .uri("/v1/jobs/{id}/cancel", job)
                .header("X-Darkroom-Tenant-Id", tenant.toString())
                .retrieve()
                .toBodilessEntity();
        if (!"canceled".equals(status(jdbc, job))) {
            // it was already dispatched: the cancellation completes when fal reports the request cancelled
            rabbit.convertAndSend(
                    Messaging.EVENTS_EXCHANGE,
                    Messaging.JOB_FAILED,
                    new JobFailed(job, null, new JobError("client_cancelled", "cancelled", null), Instant.now()));
        }
    }

    static StoredOutput image(int index, int width, int height) {
        return new StoredOutput(
                index, "t/" + UUID.randomUUID() + "/" + index + ".jpg", "image/jpeg", 1000, "ab", width, height, null);
    }

    static StoredOutput video(int index, String seconds) {
        return new StoredOutput(
                index,
                "t/" + UUID.randomUUID() + "/" + index + ".mp4",
                "video/mp4",
                1000,
                "ab",
                null,
                null,
                new BigDecimal(seconds));
    }

    private BigDecimal cost(UUID job) {
        return jdbc.sql("select cost_usd from job where id = ?")
                .param(job)
                .query(BigDecimal.class)
                .single();
    }

    private BigDecimal estimate(UUID job) {
        return jdbc.sql("select estimated_cost_usd from job where id = ?")
                .param(job)
                .query(BigDecimal.class)
                .single();
    }

    private BigDecimal sum(String sql, UUID id) {
        return jdbc.sql(sql).param(id).query(BigDecimal.class).single();
    }
}
