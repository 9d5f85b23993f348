package dev.darkroom.orchestrator.admission;

import static dev.darkroom.orchestrator.OrchestratorTestSupport.aFluxJob;
import static dev.darkroom.orchestrator.OrchestratorTestSupport.ledger;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.contracts.messages.SubmitJob;
import dev.darkroom.orchestrator.OrchestratorIntegrationTest;
import dev.darkroom.orchestrator.OrchestratorTestSupport;
import dev.darkroom.orchestrator.billing.Ledger;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@OrchestratorIntegrationTest
class TenantLockTest {

    @LocalServerPort
    int port;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    OrchestratorTestSupport support;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TenantLimits limits;

    @Autowired
    Ledger ledger;

    @Autowired
    TransactionTemplate tx;

    @Test
    void aSettlementOfATenantProceedsWhileItsAdmissionHoldsTheTenantLock() throws Exception {
        UUID tenant = support.aTenant().create();
        SubmitJob job = aFluxJob(tenant, "{\"prompt\":\"p\"}");
        assertThat(support.submit(job).rejection()).isNull();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> admission = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            limits.lock(tenant);
            locked.countDown();
            await(release);
        }));
        try {
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> settlement = CompletableFuture.runAsync(() -> tx.executeWithoutResult(
                    s -> ledger.settle(tenant, job.jobId(), Ledger.periodOf(Instant.now()), new BigDecimal("0.025"))));

            settlement.get(10, TimeUnit.SECONDS);
            assertThat(ledger(jdbc, job.jobId())).contains("settle 0.025000");
        } finally {
            release.countDown();
            admission.get(10, TimeUnit.SECONDS);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
