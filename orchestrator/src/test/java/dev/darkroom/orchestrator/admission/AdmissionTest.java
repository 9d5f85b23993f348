package dev.darkroom.orchestrator.admission;

import static dev.darkroom.orchestrator.OrchestratorTestSupport.aFluxJob;
import static dev.darkroom.orchestrator.OrchestratorTestSupport.aJob;
import static dev.darkroom.orchestrator.OrchestratorTestSupport.ledger;
import static dev.darkroom.orchestrator.OrchestratorTestSupport.withIdempotencyKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.contracts.messages.RejectionCode;
import dev.darkroom.contracts.messages.SubmitJob;
import dev.darkroom.contracts.messages.SubmitJobReply;
import dev.darkroom.orchestrator.OrchestratorIntegrationTest;
import dev.darkroom.orchestrator.OrchestratorTestSupport;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@OrchestratorIntegrationTest
class AdmissionTest {

    static final String FLUX_4_3_TWO = "{\"prompt\":\"a red fox\",\"aspect_ratio\":\"4:3\",\"num_images\":2}";

    @LocalServerPort
    int port;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    OrchestratorTestSupport support;

    @BeforeEach
    void setUp() {
        support = new OrchestratorTestSupport(port, rabbit);
    }

    @Test
    void admitsAJobAsQueuedAndReservesItsEstimate() {
        UUID tenant = support.aTenant("monthly_budget_usd", "10.00");
        SubmitJob command = aFluxJob(tenant, FLUX_4_3_TWO);

        SubmitJobReply reply = support.submit(command);

        assertThat(reply.rejection()).isNull();
        assertThat(reply.job().id().toString()).isEqualTo(command.jobId().toString());
        assertThat(reply.job().status()).isIn("queued", "dispatched");
        assertThat(reply.job().estimatedCostUsd()).isEqualTo("0.05");
        assertThat(reply.job().input().get("num_inference_steps").asInt()).isEqualTo(28);
        assertThat(reply.job().metadata().get("order").asString()).isEqualTo("42");
        assertThat(ledger(jdbc, command.jobId())).containsExactly("reserve 0.050000");
        assertThat(reserved(tenant)).isEqualByComparingTo("0.05");
    }

    @Test
    void refusesAJobThatWouldExceedTheBudgetWithoutReservingAnything() {
        UUID tenant = support.aTenant("monthly_budget_usd", "0.04");
        SubmitJob command = aFluxJob(tenant, FLUX_4_3_TWO);

        SubmitJobReply reply = support.submit(command);

        assertThat(reply.rejection().status()).isEqualTo(402);
        assertThat(reply.rejection().code()).isEqualTo(RejectionCode.BUDGET_EXCEEDED);
        assertThat(reply.rejection().properties()).containsEntry("remaining_usd", "0.04");
        assertThat(reply.job().status()).isEqualTo("rejected");
        assertThat(ledger(jdbc, command.jobId())).isEmpty();
    }

    @Test
    void refusesAModelOutsideTheTenantsAllowList() {
        UUID tenant = support.aTenant("allowed_models", List.of("flux-dev"));

        SubmitJobReply reply = support.submit(aJob(tenant, "flux-pro-ultra", "{\"prompt\":\"p\"}"));

        assertThat(reply.rejection().status()).isEqualTo(403);
        assertThat(reply.rejection().code()).isEqualTo(RejectionCode.MODEL_NOT_ALLOWED);
    }

    @Test
    void limitsRequestsPerMinuteAndSaysWhenToRetry() {
        UUID tenant = support.aTenant("requests_per_minute", 3);
        for (int i = 0; i < 3; i++) {
            assertThat(support.submit(aFluxJob(tenant, "{\"prompt\":\"p\"}")).rejection())
                    .isNull();
        }

        SubmitJobReply fourth = support.submit(aFluxJob(tenant, "{\"prompt\":\"p\"}"));

        assertThat(fourth.rejection().status()).isEqualTo(429);
        assertThat(fourth.rejection().code()).isEqualTo(RejectionCode.RATE_LIMITED);
        assertThat(fourth.rejection().retryAfterSeconds()).isBetween(1L, 60L);
    }

    @Test
    void limitsUnfinishedJobs() {
        UUID tenant = support.aTenant("max_queued_jobs", 2);
        support.submit(aFluxJob(tenant, "{\"prompt\":\"p\"}"));
        support.submit(aFluxJob(tenant, "{\"prompt\":\"p\"}"));

        SubmitJobReply third = support.submit(aFluxJob(tenant, "{\"prompt\":\"p\"}"));

        assertThat(third.rejection().code()).isEqualTo(RejectionCode.CONCURRENCY_LIMITED);
        assertThat(third.rejection().status()).isEqualTo(429);
    }

    @Test
    void refusesJobsOfASuspendedTenant() {
        UUID tenant = support.aTenant("status", "suspended");

        assertThat(support.submit(aFluxJob(tenant, "{\"prompt\":\"p\"}"))
                        .rejection()
                        .code())
                .isEqualTo(RejectionCode.TENANT_SUSPENDED);
    }

    @Test
    void aRedeliveredCommandGetsTheJobItAlreadyMadeAndReservesOnce() {
        UUID tenant = support.aTenant();
        SubmitJob command = aFluxJob(tenant, "{\"prompt\":\"p\"}");

        SubmitJobReply first = support.submit(command);
        SubmitJobReply again = support.submit(command);

        assertThat(again.job().id()).isEqualTo(first.job().id());
        assertThat(ledger(jdbc, command.jobId())).hasSize(1);
    }

    @Test
    void anIdempotencyKeyWithTheSameBodyReturnsTheSameJob() {
        UUID tenant = support.aTenant();
        SubmitJob base = aFluxJob(tenant, "{\"prompt\":\"p\"}");

        SubmitJobReply first = support.submit(withIdempotencyKey(base, "order-1", "hash-a"));
        SubmitJobReply retry = support.submit(withIdempotencyKey(base, "order-1", "hash-a"));

        assertThat(retry.rejection()).isNull();
        assertThat(retry.job().id()).isEqualTo(first.job().id());
        assertThat(jdbc.sql("select count(*) from job where tenant_id = ?")
                        .param(tenant)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyReusedWithAnotherBodyIsRefused() {
        UUID tenant = support.aTenant();
        SubmitJob base = aFluxJob(tenant, "{\"prompt\":\"p\"}");
        support.submit(withIdempotencyKey(base, "order-2", "hash-a"));

        SubmitJobReply reuse = support.submit(withIdempotencyKey(base, "order-2", "hash-b"));

        assertThat(reuse.rejection().status()).isEqualTo(422);
        assertThat(reuse.rejection().code()).isEqualTo(RejectionCode.IDEMPOTENCY_KEY_REUSED);
    }

    @Test
    void aDuplicateArrivingWhileTheFirstIsInProgressGets409() throws Exception {
        UUID tenant = support.aTenant();
        SubmitJob command = withIdempotencyKey(aFluxJob(tenant, "{\"prompt\":\"p\"}"), "order-3", "hash-a");
        try (Connection first = dataSource.getConnection();
                PreparedStatement lock = first.prepareStatement("select pg_advisory_lock(hashtextextended(?, 0))")) {
            // stands in for the first request's admission transaction, which holds this lock while it runs
            lock.setString(1, tenant + "/order-3");
            lock.execute();

            SubmitJobReply duplicate = support.submit(command);

            assertThat(duplicate.rejection().status()).isEqualTo(409);
            assertThat(duplicate.rejection().code()).isEqualTo(RejectionCode.IDEMPOTENCY_KEY_IN_USE);
            try (PreparedStatement unlock = first.prepareStatement("select pg_advisory_unlock_all()")) {
                unlock.execute();
            }
        }
        assertThat(support.submit(command).rejection()).isNull();
    }

    private BigDecimal reserved(UUID tenant) {
        return jdbc.sql("select coalesce(sum(reserved_usd), 0) from tenant_balance where tenant_id = ?")
                .param(tenant)
                .query(BigDecimal.class)
                .single();
    }
}
