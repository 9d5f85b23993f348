package dev.darkroom.orchestrator.admission;

import static dev.darkroom.orchestrator.OrchestratorTestSupport.aFluxJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.contracts.messages.RejectionCode;
import dev.darkroom.contracts.messages.SubmitJob;
import dev.darkroom.contracts.messages.SubmitJobReply;
import dev.darkroom.orchestrator.OrchestratorIntegrationTest;
import dev.darkroom.orchestrator.OrchestratorTestSupport;
import dev.darkroom.orchestrator.billing.Ledger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rate limits judged at the time the gateway accepted each request, which these tests set on the command: minutes
 * pass without waiting for them.
 */
@OrchestratorIntegrationTest
class RateLimitTest {

    @LocalServerPort
    int port;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrchestratorTestSupport support;

    Instant start;

    @BeforeEach
    void setUp() {
        start = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MINUTES);
    }

    @Test
    void fourRequestsAMinuteAgainstALimitOfThreeKeepThreeAdmittedEveryMinute() {
        UUID tenant = support.aTenant("requests_per_minute", 3, "max_queued_jobs", 100);
        int[] admittedPerMinute = new int[4];
        for (int i = 0; i < 16; i++) {
            if (submitAt(tenant, Duration.ofSeconds(15L * i)).rejection() == null) {
                admittedPerMinute[i / 4]++;
            }
        }

        assertThat(admittedPerMinute).containsExactly(3, 3, 3, 3);
    }

    @Test
    void aRetryAfterRetryAfterIsAdmittedAndNotBefore() {
        UUID tenant = support.aTenant("requests_per_minute", 3);
        for (int s = 0; s < 3; s++) {
            assertThat(submitAt(tenant, Duration.ofSeconds(s)).rejection()).isNull();
        }

        SubmitJobReply fourth = submitAt(tenant, Duration.ofSeconds(10));

        assertThat(fourth.rejection().code()).isEqualTo(RejectionCode.RATE_LIMITED);
        long retryAfter = fourth.rejection().retryAfterSeconds();
        assertThat(retryAfter).isEqualTo(50);
        assertThat(submitAt(tenant, Duration.ofSeconds(10 + retryAfter - 1)).rejection())
                .isNotNull();
        assertThat(submitAt(tenant, Duration.ofSeconds(10 + retryAfter)).rejection())
                .isNull();
    }

    @Test
    void thirtyCommandsQueuedDuringAnOutageAtACompliantRateAreAllAdmittedWhenDrained() {
        UUID tenant = support.aTenant("requests_per_minute", 10, "max_queued_jobs", 100);
        int admitted = 0;
        // sent every 6 s over three minutes, admitted back to back once the orchestrator is back
        for (int i = 0; i < 30; i++) {
            if (submitAt(tenant, Duration.ofSeconds(6L * i)).rejection() == null) {
                admitted++;
            }
        }

        assertThat(admitted).isEqualTo(30);
    }

    @Test
    void aJobAcceptedInTheLastSecondOfAMonthIsChargedToThatMonth() {
        UUID tenant = support.aTenant().create();
        Instant lastSecondOfLastMonth = Ledger.periodOf(Instant.now())
                .atStartOfDay()
                .toInstant(java.time.ZoneOffset.UTC)
                .minusSeconds(1);
        SubmitJob command = at(aFluxJob(tenant, "{\"prompt\":\"p\"}"), lastSecondOfLastMonth);

        assertThat(support.submit(command).rejection()).isNull();

        assertThat(jdbc.sql("select period from ledger_entry where job_id = ? and kind = 'reserve'")
                        .param(command.jobId())
                        .query(java.time.LocalDate.class)
                        .single())
                .isEqualTo(Ledger.periodOf(lastSecondOfLastMonth));
    }

    private SubmitJobReply submitAt(UUID tenant, Duration sinceStart) {
        return support.submit(at(aFluxJob(tenant, "{\"prompt\":\"p\"}"), start.plus(sinceStart)));
    }

    private static SubmitJob at(SubmitJob c, Instant requestedAt) {
        return new SubmitJob(
                c.jobId(),
                c.tenantId(),
                c.apiKeyId(),
                c.model(),
                c.input(),
                c.metadata(),
                c.idempotencyKey(),
                c.requestHash(),
                requestedAt);
    }
}
