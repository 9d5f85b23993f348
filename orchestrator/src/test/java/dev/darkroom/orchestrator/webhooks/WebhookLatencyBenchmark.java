package dev.darkroom.orchestrator.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkroom.contracts.messages.SubmitJob;
import dev.darkroom.orchestrator.OrchestratorIntegrationTest;
import dev.darkroom.orchestrator.OrchestratorTestSupport;
import dev.darkroom.testsupport.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Completion → webhook latency at a steady 20 jobs/s, with the default webhook settings (10 s fallback poll, so
 * every prompt delivery is the commit's wake-up). A benchmark, not a test: it prints numbers and asserts only that
 * every webhook arrived. Run it with
 * {@code ./mvnw -q -B -ntp -o -pl orchestrator -am verify -Dtest=WebhookLatencyBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} (settings: {@code -Dbenchmark.jobs}, {@code -Dbenchmark.rate}, {@code -Dbenchmark.warmup}).
 *
 * <p>"Completion" is the {@code succeeded} timestamp the orchestrator gives the job in the transaction that
 * settles it; the end is the webhook's arrival at a receiver on loopback. The time from the webhook-receiver's
 * {@code JobCompleted} message (AMQP, settling) to the arrival is printed too.
 */
@OrchestratorIntegrationTest
@TestPropertySource(
        properties = {
            "darkroom.webhooks.allowed-hosts=127.0.0.1",
            // no fal account behind this run: every job may be "at fal" at once
            "darkroom.dispatch.global-in-flight-cap=100000"
        })
class WebhookLatencyBenchmark {

    static final int JOBS = Integer.getInteger("benchmark.jobs", 600);
    static final int RATE = Integer.getInteger("benchmark.rate", 20);
    /** Jobs at the start left out of the numbers: the JIT and the connection pools warm up on them. */
    static final int WARMUP = Integer.getInteger("benchmark.warmup", 100);

    @LocalServerPort
    int port;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    OrchestratorTestSupport support;

    @Autowired
    JdbcClient jdbc;

    @Test
    void completionToWebhookLatencyAtTwentyJobsPerSecond() throws Exception {
        WebhookCalls calls = new WebhookCalls(support, rabbit, jdbc);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            UUID tenant = calls.support.aTenant(
                    "requests_per_minute",
                    1_000_000,
                    "max_queued_jobs",
                    100_000,
                    "max_concurrent_jobs",
                    100_000,
                    "monthly_budget_usd",
                    "100000.00");
            calls.anEndpoint(tenant, "url", receiver.url("/bench"), "event_types", List.of("job.succeeded"));
            Map<String, Instant> reported = new ConcurrentHashMap<>();
            CountDownLatch sent = new CountDownLatch(JOBS);
            AtomicInteger next = new AtomicInteger();
            ExecutorService senders = Executors.newFixedThreadPool(16);
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            ticker.scheduleAtFixedRate(
                    () -> {
                        if (next.getAndIncrement() >= JOBS) {
                            return;
                        }
                        senders.execute(() -> {
                            SubmitJob job = calls.aQueuedJob(tenant);
                            calls.report(job, reported);
                            sent.countDown();
                        });
                    },
                    0,
                    1_000_000 / RATE,
                    TimeUnit.MICROSECONDS);
            assertThat(sent.await(JOBS / RATE * 3L + 60, TimeUnit.SECONDS)).isTrue();
            ticker.shutdownNow();
            senders.shutdown();
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> receiver.at("/bench").size() >= JOBS);

            List<Long> fromCommit = new ArrayList<>();
            List<Long> fromReport = new ArrayList<>();
            for (WebhookReceiver.Received r : receiver.at("/bench").subList(WARMUP, JOBS)) {
                JsonNode data = WebhookCalls.json(r.body()).get("data");
                Instant succeeded =
                        Instant.parse(data.get("timestamps").get("succeeded").asString());
                fromCommit.add(Duration.between(succeeded, r.at()).toMillis());
                fromReport.add(Duration.between(reported.get(data.get("id").asString()), r.at())
                        .toMillis());
            }
            // the sender's own share: from the event's row (written in the settling transaction) to its attempt
            List<Long> toAttempt =
                    jdbc.sql("""
                            select (extract(epoch from a.attempted_at - m.created_at) * 1000)::bigint
                              from webhook_attempt a
                              join webhook_delivery d on d.id = a.delivery_id
                              join webhook_message m on m.id = d.message_id
                             where m.tenant_id = ? order by m.created_at offset ?
                            """).params(tenant, WARMUP).query(Long.class).list();
            System.out.printf("  event recorded -> attempt started:   %s%n", summary(toAttempt));
            System.out.printf(
                    "webhook latency benchmark: %d jobs at %d jobs/s (the first %d left out)%n  completion (succeeded) -> webhook: %s%n"
                            + "  JobCompleted sent -> webhook:        %s%n",
                    JOBS, RATE, WARMUP, summary(fromCommit), summary(fromReport));
        }
    }

    private static String summary(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return String.format(
                "p50 %d ms, p99 %d ms, max %d ms",
                sorted.get(sorted.size() / 2),
                sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)),
                sorted.get(sorted.size() - 1));
    }
}
