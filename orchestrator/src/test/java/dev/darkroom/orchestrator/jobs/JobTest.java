package dev.darkroom.orchestrator.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkroom.contracts.catalog.ModelKind;
import dev.darkroom.contracts.jobs.JobStatus;
import dev.darkroom.contracts.messages.RejectionCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobTest {

    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    static Job anAcceptedJob() {
        return Job.accepted(
                new NewJob(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "flux-dev",
                        ModelKind.IMAGE,
                        "{\"prompt\":\"p\"}",
                        null,
                        new BigDecimal("0.025"),
                        LocalDate.parse("2026-11-01"),
                        null),
                T0);
    }

    @Test
    void recordsEveryStateItEntersWithItsTime() {
        Job job = anAcceptedJob();
        job.queue(T0.plusSeconds(1));
        job.dispatch(T0.plusSeconds(2), T0.plusSeconds(60));
        job.bindFalRequest("r1", new FalUrls("s", "r", "c"), T0.plusSeconds(3));
        job.submitted(T0.plusSeconds(3), T0.plusSeconds(40));
        job.running(T0.plusSeconds(4));
        job.succeeded(new BigDecimal("0.025"), T0.plusSeconds(5));

        assertThat(job.history())
                .extracting(JobTransition::toStatus)
                .containsExactly(
                        JobStatus.ACCEPTED,
                        JobStatus.QUEUED,
                        JobStatus.DISPATCHED,
                        JobStatus.SUBMITTED,
                        JobStatus.RUNNING,
                        JobStatus.SUCCEEDED);
        assertThat(job.history()).extracting(JobTransition::at).element(4).isEqualTo(T0.plusSeconds(4));
        assertThat(job.nextCheckAt()).isNull();
    }

    @Test
    void refusesMovesTheTableDoesNotAllow() {
        Job job = anAcceptedJob();
        job.queue(T0);
        job.canceled(T0);

        assertThatThrownBy(() -> job.dispatch(T0, T0)).isInstanceOf(IllegalTransitionException.class);
        assertThat(job.status()).isEqualTo(JobStatus.CANCELED);
    }

    @Test
    void keepsTheFirstFalRequestItLearnsOf() {
        Job job = anAcceptedJob();

        assertThat(job.bindFalRequest("first", null, T0)).isTrue();
        assertThat(job.bindFalRequest("first", new FalUrls("s", "r", "c"), T0)).isTrue();
        assertThat(job.bindFalRequest("second", new FalUrls("s2", "r2", "c2"), T0))
                .isFalse();

        assertThat(job.falRequestId()).isEqualTo("first");
        assertThat(job.falUrls().statusUrl()).isEqualTo("s");
    }

    @Test
    void aRejectedJobKeepsItsReason() {
        Job job = anAcceptedJob();

        job.reject(RejectionCode.BUDGET_EXCEEDED, "over budget", T0);

        assertThat(job.status()).isEqualTo(JobStatus.REJECTED);
        assertThat(job.errorCode()).isEqualTo("budget_exceeded");
        assertThat(job.status().isTerminal()).isTrue();
    }
}
