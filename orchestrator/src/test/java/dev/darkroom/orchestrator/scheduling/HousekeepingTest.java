package dev.darkroom.orchestrator.scheduling;

import static dev.darkroom.orchestrator.OrchestratorAssertions.assertThat;
import static dev.darkroom.orchestrator.OrchestratorTestSupport.aFluxJob;
import static dev.darkroom.orchestrator.OrchestratorTestSupport.withIdempotencyKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.orchestrator.OrchestratorIntegrationTest;
import dev.darkroom.orchestrator.OrchestratorTestSupport;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@OrchestratorIntegrationTest
class HousekeepingTest {

    @Autowired
    OrchestratorTestSupport support;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Housekeeping housekeeping;

    @AfterEach
    void resetClock() {
        support.clock().reset();
    }

    @Test
    void idempotencyKeysOlderThanADayAndAdmissionsNoRateLimitReachesAreDeletedAndRecentOnesKept() {
        UUID tenant = support.aTenant().create();
        support.submit(withIdempotencyKey(aFluxJob(tenant, "{\"prompt\":\"old\"}"), "old-key", "h1"));
        support.clock().advance(Duration.ofHours(25));
        support.submit(withIdempotencyKey(aFluxJob(tenant, "{\"prompt\":\"new\"}"), "new-key", "h2"));

        housekeeping.purgeRound();

        assertThat(jdbc.sql("select key from idempotency_key where tenant_id = ?")
                        .param(tenant)
                        .query(String.class)
                        .list())
                .containsExactly("new-key");
        // the first admission is a day old, past any rate limit's reach (the request-time bound, 6 h, plus the
        // window); the second, whose request time is a day behind the orchestrator's clock, counts as 6 h old and stays
        assertThat(jdbc.sql("select count(*) from rate_admission where tenant_id = ? and admitted_at < ?")
                        .params(tenant, Timestamp.from(support.clock().instant().minus(Duration.ofHours(7))))
                        .query(Integer.class)
                        .single())
                .isZero();
        // the old key is free again: a new request with it makes a new job
        assertThat(support.submit(withIdempotencyKey(aFluxJob(tenant, "{\"prompt\":\"again\"}"), "old-key", "h3")))
                .isAdmitted();
    }
}
