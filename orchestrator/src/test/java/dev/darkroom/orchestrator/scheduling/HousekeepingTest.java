package dev.darkroom.orchestrator.scheduling;

import static dev.darkroom.orchestrator.OrchestratorTestSupport.aFluxJob;
import static dev.darkroom.orchestrator.OrchestratorTestSupport.withIdempotencyKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.orchestrator.OrchestratorIntegrationTest;
import dev.darkroom.orchestrator.OrchestratorTestSupport;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@OrchestratorIntegrationTest
class HousekeepingTest {

    @LocalServerPort
    int port;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Housekeeping housekeeping;

    @Test
    void idempotencyKeysOlderThanADayAndSpentRateWindowsAreDeletedAndRecentOnesKept() {
        OrchestratorTestSupport support = new OrchestratorTestSupport(port, rabbit);
        UUID tenant = support.aTenant();
        support.submit(withIdempotencyKey(aFluxJob(tenant, "{\"prompt\":\"old\"}"), "old-key", "h1"));
        support.submit(withIdempotencyKey(aFluxJob(tenant, "{\"prompt\":\"new\"}"), "new-key", "h2"));
        jdbc.sql("update idempotency_key set created_at = now() - interval '25 hours' where key = 'old-key'")
                .update();
        jdbc.sql("insert into rate_window (tenant_id, window_start, requests) values (?, now() - interval '1 hour', 9)")
                .param(tenant)
                .update();

        housekeeping.purgeRound();

        assertThat(jdbc.sql("select key from idempotency_key where tenant_id = ?")
                        .param(tenant)
                        .query(String.class)
                        .list())
                .containsExactly("new-key");
        assertThat(jdbc.sql(
                                "select count(*) from rate_window where tenant_id = ? and window_start < now() - interval '30 minutes'")
                        .param(tenant)
                        .query(Integer.class)
                        .single())
                .isZero();
        // the old key is free again: a new request with it makes a new job
        assertThat(support.submit(withIdempotencyKey(aFluxJob(tenant, "{\"prompt\":\"again\"}"), "old-key", "h3"))
                        .rejection())
                .isNull();
    }
}
