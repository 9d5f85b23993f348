package dev.darkroom.orchestrator.reconcile;

import static dev.darkroom.orchestrator.OrchestratorTestSupport.aFluxJob;
import static dev.darkroom.orchestrator.OrchestratorTestSupport.ledger;
import static dev.darkroom.orchestrator.OrchestratorTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkroom.contracts.catalog.ModelKind;
import dev.darkroom.contracts.jobs.JobStatus;
import dev.darkroom.contracts.messages.JobError;
import dev.darkroom.contracts.messages.JobFailed;
import dev.darkroom.contracts.messages.JobSubmitted;
import dev.darkroom.contracts.messages.SubmitJob;
import dev.darkroom.orchestrator.OrchestratorIntegrationTest;
import dev.darkroom.orchestrator.OrchestratorTestSupport;
import dev.darkroom.orchestrator.jobs.DueJob;
import dev.darkroom.orchestrator.jobs.JobLifecycle;
import dev.darkroom.support.fal.FalProperties;
import java.sql.Timestamp;
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

/** The reconciler against fal-sim, for the cases no worker or webhook reports. */
@OrchestratorIntegrationTest
class ReconcilerTest {

    @LocalServerPort
    int port;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobLifecycle lifecycle;

    @Autowired
    FalProperties fal;

    @Autowired
    JobCheck check;

    OrchestratorTestSupport support;

    @BeforeEach
    void setUp() {
        support = new OrchestratorTestSupport(port, rabbit);
    }

    @Test
    void aJobWhoseFalRequestFalNoLongerKnowsFailsAndCostsNothing() {
        SubmitJob job = aDispatchedJob();
        String unknown = UUID.randomUUID().toString();
        String request = fal.queueUrl() + "/fal-ai/flux/requests/" + unknown;
        lifecycle.submitted(new JobSubmitted(
                job.jobId(), unknown, request + "/status", request, request + "/cancel", Instant.now()));

        checkNow(job.jobId());

        await().atMost(Duration.ofSeconds(20)).until(() -> "failed".equals(status(jdbc, job.jobId())));
        assertThat(jdbc.sql("select error_code from job where id = ?")
                        .param(job.jobId())
                        .query(String.class)
                        .single())
                .isEqualTo("fal_request_lost");
        assertThat(ledger(jdbc, job.jobId())).containsExactly("reserve 0.025000", "release 0.025000");
    }

    @Test
    void aWorkersLateSubmissionFailureDoesNotEndAJobAnotherAttemptPlacedAtFal() {
        SubmitJob job = aDispatchedJob();
        String id = UUID.randomUUID().toString();
        String request = fal.queueUrl() + "/fal-ai/flux/requests/" + id;
        lifecycle.submitted(
                new JobSubmitted(job.jobId(), id, request + "/status", request, request + "/cancel", Instant.now()));

        lifecycle.failed(new JobFailed(
                job.jobId(), null, new JobError("fal_unavailable", "submit failed", null), Instant.now()));

        assertThat(status(jdbc, job.jobId())).isEqualTo("submitted");
    }

    @Test
    void aJobWhoseLeaseAnotherRoundTookOverIsLeftToThatRound() {
        SubmitJob job = aDispatchedJob();
        Instant ours = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.MICROS);
        // this round's lease ran out while it looked at earlier jobs; another round leased the job since
        Instant theirs = ours.plus(Duration.ofHours(1));
        jdbc.sql("update job set next_check_at = ? where id = ?")
                .params(Timestamp.from(theirs), job.jobId())
                .update();

        check.check(leasedWithCancelRequest(job.jobId(), ours));

        assertThat(status(jdbc, job.jobId())).isEqualTo("dispatched");
        assertThat(nextCheckAt(job.jobId())).isEqualTo(theirs);

        check.check(leasedWithCancelRequest(job.jobId(), theirs));

        assertThat(status(jdbc, job.jobId())).isEqualTo("canceled");
    }

    /** The job as a round leased it until {@code leasedUntil}, with a cancellation to carry out. */
    private static DueJob leasedWithCancelRequest(UUID jobId, Instant leasedUntil) {
        return new DueJob(
                jobId,
                JobStatus.DISPATCHED,
                null,
                null,
                null,
                null,
                Instant.now(),
                1,
                null,
                ModelKind.IMAGE,
                leasedUntil);
    }

    private Instant nextCheckAt(UUID jobId) {
        return jdbc.sql("select next_check_at from job where id = ?")
                .param(jobId)
                .query(Timestamp.class)
                .single()
                .toInstant();
    }

    /** A job admitted and dispatched; no worker consumes in this test, so it waits for a submission. */
    private SubmitJob aDispatchedJob() {
        UUID tenant = support.aTenant();
        SubmitJob job = aFluxJob(tenant, "{\"prompt\":\"p\"}");
        support.submit(job);
        await().atMost(Duration.ofSeconds(20)).until(() -> "dispatched".equals(status(jdbc, job.jobId())));
        return job;
    }

    private void checkNow(UUID jobId) {
        jdbc.sql("update job set next_check_at = now() - interval '1 second' where id = ?")
                .param(jobId)
                .update();
    }
}
