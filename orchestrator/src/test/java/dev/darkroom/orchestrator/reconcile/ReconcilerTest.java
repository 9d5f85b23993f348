package dev.darkroom.orchestrator.reconcile;

import static dev.darkroom.orchestrator.OrchestratorAssertions.assertThat;
import static dev.darkroom.orchestrator.OrchestratorTestSupport.ledger;
import static dev.darkroom.orchestrator.OrchestratorTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkroom.contracts.jobs.JobStatus;
import dev.darkroom.contracts.messages.JobError;
import dev.darkroom.contracts.messages.JobFailed;
import dev.darkroom.contracts.messages.JobSubmitted;
import dev.darkroom.contracts.messages.SubmitJob;
import dev.darkroom.orchestrator.OrchestratorIntegrationTest;
import dev.darkroom.orchestrator.OrchestratorTestSupport;
import dev.darkroom.orchestrator.jobs.DueJob;
import dev.darkroom.orchestrator.jobs.JobChecks;
import dev.darkroom.orchestrator.jobs.JobLifecycle;
import dev.darkroom.support.fal.FalProperties;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The reconciler against fal-sim, for the cases no worker or webhook reports. Its loop waits an hour between rounds
 * here: the tests run each round themselves, with the clock moved.
 */
@OrchestratorIntegrationTest
@TestPropertySource(properties = "darkroom.reconciler.interval=1h")
class ReconcilerTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobLifecycle lifecycle;

    @Autowired
    FalProperties fal;

    @Autowired
    JobCheck check;

    @Autowired
    Reconciler reconciler;

    @Autowired
    JobChecks checks;

    @Autowired
    ReconcilerProperties properties;

    @AfterEach
    void resetClock() {
        support.clock().reset();
    }

    @Autowired
    OrchestratorTestSupport support;

    @Test
    void aJobWhoseFalRequestFalNoLongerKnowsFailsAndCostsNothing() {
        SubmitJob job = aDispatchedJob();
        String unknown = UUID.randomUUID().toString();
        String request = fal.queueUrl() + "/fal-ai/flux/requests/" + unknown;
        lifecycle.submitted(new JobSubmitted(
                job.jobId(), unknown, request + "/status", request, request + "/cancel", Instant.now()));

        support.clock().advance(Duration.ofMinutes(5));
        reconciler.reconcileRound();

        assertThat(support.job(job.jobId()))
                .hasStates(
                        JobStatus.ACCEPTED,
                        JobStatus.QUEUED,
                        JobStatus.DISPATCHED,
                        JobStatus.SUBMITTED,
                        JobStatus.FAILED)
                .endedWith("fal_request_lost")
                .costsNothing();
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

        assertThat(support.job(job.jobId())).isIn(JobStatus.SUBMITTED);
    }

    @Test
    void aJobWhoseLeaseAnotherRoundTookOverIsLeftToThatRound() {
        SubmitJob job = aDispatchedJob();
        support.clock().advance(Duration.ofMinutes(3));
        DueJob ours = lease(job.jobId());
        // this round's lease ran out while it looked at earlier jobs; another round leased the job since
        support.clock().advance(properties.lease().plusMinutes(1));
        DueJob theirs = lease(job.jobId());

        check.check(withCancelRequest(ours));

        assertThat(support.job(job.jobId())).isIn(JobStatus.DISPATCHED);
        assertThat(nextCheckAt(job.jobId())).isEqualTo(theirs.leasedUntil());

        check.check(withCancelRequest(theirs));

        assertThat(support.job(job.jobId())).isIn(JobStatus.CANCELED);
    }

    /** Leases the due jobs as a round does, at the clock's time; returns this job's lease. */
    private DueJob lease(UUID jobId) {
        Instant now = support.clock().instant();
        return checks.leaseDue(now, now.plus(properties.lease()), 1000).stream()
                .filter(d -> d.id().equals(jobId))
                .findFirst()
                .orElseThrow();
    }

    /** The job as a round leased it, with a cancellation to carry out. */
    private DueJob withCancelRequest(DueJob d) {
        return new DueJob(
                d.id(),
                d.status(),
                d.falRequestId(),
                d.statusUrl(),
                d.responseUrl(),
                d.cancelUrl(),
                support.clock().instant(),
                d.dispatchAttempts(),
                d.submittedAt(),
                d.kind(),
                d.leasedUntil());
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
        SubmitJob job = support.aQueuedJob();
        await().atMost(Duration.ofSeconds(20)).until(() -> "dispatched".equals(status(jdbc, job.jobId())));
        return job;
    }
}
