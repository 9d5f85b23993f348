package dev.darkroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * One tenant's backlog cannot starve another's single job: with a global cap of 4 jobs at fal and 200 ms of model
 * time, tenant B's one job goes out within the next five dispatches after it was queued, behind tenant A's 1,000,
 * and A never has more jobs at fal than its own cap.
 */
// after the classes on the shared platform (unordered: Order.DEFAULT), which its own platform stops
@Order(Order.DEFAULT + 1)
class FairnessEndToEndTest {

    static final int A_JOBS = 1000;
    static final int A_CAP = 3;
    static Platform platform;

    @BeforeAll
    static void start() {
        platform = Platform.start(
                Map.of("fal-sim.queue.image-model-time", "200ms", "fal-sim.queue.concurrency", 8),
                Map.of(
                        "orchestrator",
                        List.of("--darkroom.dispatch.global-in-flight-cap=4", "--darkroom.dispatch.interval=200ms")));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aSingleJobOfTenantBOvertakesTheBacklogOfTenantA() throws Exception {
        Api api = new Api(platform.gatewayUrl());
        Db db = new Db(platform.database());
        Api.Tenant a = api.aTenant(
                "max_concurrent_jobs",
                A_CAP,
                "max_queued_jobs",
                5000,
                "requests_per_minute",
                100_000,
                "monthly_budget_usd",
                "100.00");
        Api.Tenant b = api.aTenant("max_concurrent_jobs", 2);
        String body = "{\"model\":\"flux-dev\",\"input\":{\"prompt\":\"backlog\",\"aspect_ratio\":\"1:1\"}}";
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Api.Response>> submitted = new ArrayList<>();
        for (int i = 0; i < A_JOBS; i++) {
            submitted.add(pool.submit(() -> api.submit(a.key(), body)));
        }
        for (Future<Api.Response> f : submitted) {
            Api.Response r = f.get();
            assertThat(r.status()).as("%s", r.body()).isIn(201, 202);
        }
        pool.shutdown();

        String bJob = api.submit(b.key(), body).body().get("id").asString();
        UUID bId = UUID.fromString(bJob);
        Awaitility.await("B dispatched")
                .atMost(Duration.ofSeconds(60))
                .until(() -> db.count(
                                "select count(*) from job_transition where job_id = ? and to_status = 'dispatched'",
                                bId)
                        == 1);

        Instant bQueued = ((Timestamp)
                        db.rows("select at from job_transition where job_id = ? and to_status = 'queued'", bId)
                                .get(0)
                                .get(0))
                .toInstant();
        long bDispatchId = ((Number)
                        db.rows("select id from job_transition where job_id = ? and to_status = 'dispatched'", bId)
                                .get(0)
                                .get(0))
                .longValue();
        long dispatchesBetween = db.count(
                "select count(*) from job_transition where to_status = 'dispatched' and at >= ? and id < ?",
                Timestamp.from(bQueued),
                bDispatchId);
        long aDispatchedSoFar = db.count(
                "select count(*) from job_transition t join job j on j.id = t.job_id"
                        + " where j.tenant_id = ? and t.to_status = 'dispatched'",
                UUID.fromString(a.id()));
        int aMaxInFlight = maxInFlight(db, UUID.fromString(a.id()));
        System.out.printf(
                "fairness: A queued %d, A dispatched so far %d, dispatches after B was queued and before B: %d,"
                        + " A's most jobs at fal at once: %d (cap %d)%n",
                A_JOBS, aDispatchedSoFar, dispatchesBetween, aMaxInFlight, A_CAP);

        assertThat(dispatchesBetween).isLessThan(5);
        assertThat(aMaxInFlight).isLessThanOrEqualTo(A_CAP);
        assertThat(aDispatchedSoFar).isLessThan(A_JOBS);
    }

    /**
     * The most of the tenant's jobs that were at fal at once, replayed from the job history: +1 when a job was
     * dispatched, -1 when it finished, in the order the transitions were recorded.
     */
    static int maxInFlight(Db db, UUID tenant) {
        List<List<Object>> events = db.rows(
                "select t.to_status from job_transition t join job j on j.id = t.job_id where j.tenant_id = ?"
                        + " and t.to_status in ('dispatched', 'succeeded', 'failed', 'canceled', 'expired') order by t.id",
                tenant);
        int now = 0;
        int max = 0;
        for (List<Object> e : events) {
            now += "dispatched".equals(e.get(0)) ? 1 : -1;
            max = Math.max(max, now);
        }
        return max;
    }
}
