package dev.darkroom.orchestrator.reconcile;

import dev.darkroom.contracts.jobs.JobStatus;
import dev.darkroom.contracts.messages.FalResultReceived;
import dev.darkroom.contracts.messages.JobError;
import dev.darkroom.contracts.messages.JobFailed;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.falclient.FalClient;
import dev.darkroom.falclient.errors.FalException;
import dev.darkroom.falclient.errors.FalNotFoundException;
import dev.darkroom.falclient.queue.CancelOutcome;
import dev.darkroom.falclient.queue.FalResult;
import dev.darkroom.falclient.queue.FalStatus;
import dev.darkroom.orchestrator.dispatch.DispatchProperties;
import dev.darkroom.orchestrator.dispatch.Redispatch;
import dev.darkroom.orchestrator.dispatch.WorkQueues;
import dev.darkroom.orchestrator.jobs.DueJob;
import dev.darkroom.orchestrator.jobs.FalRequestsToCancel;
import dev.darkroom.orchestrator.jobs.JobChecks;
import dev.darkroom.orchestrator.jobs.JobLifecycle;
import dev.darkroom.orchestrator.jobs.SubmitLeases;
import dev.darkroom.support.amqp.ConfirmedPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** One look at one due job, and the cancellation of unwanted fal requests. */
@Component
class JobCheck {

    private static final Logger log = LoggerFactory.getLogger(JobCheck.class);

    private final FalClient fal;
    private final JobLifecycle lifecycle;
    private final Redispatch redispatch;
    private final SubmitLeases leases;
    private final WorkQueues workQueues;
    private final ConfirmedPublisher publisher;
    private final JobChecks checks;
    private final FalRequestsToCancel unwanted;
    private final ReconcilerProperties properties;
    private final DispatchProperties dispatch;
    private final ReconcilerMetrics metrics;
    private final Clock clock;

    JobCheck(
            FalClient fal,
            JobLifecycle lifecycle,
            Redispatch redispatch,
            SubmitLeases leases,
            WorkQueues workQueues,
            ConfirmedPublisher publisher,
            JobChecks checks,
            FalRequestsToCancel unwanted,
            ReconcilerProperties properties,
            DispatchProperties dispatch,
            ReconcilerMetrics metrics,
            Clock clock) {
        this.fal = fal;
        this.lifecycle = lifecycle;
        this.redispatch = redispatch;
        this.leases = leases;
        this.workQueues = workQueues;
        this.publisher = publisher;
        this.checks = checks;
        this.unwanted = unwanted;
        this.properties = properties;
        this.dispatch = dispatch;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Looks at a leased job, unless its lease ran out while earlier jobs of the batch were looked at and another
     * round took it: two rounds acting on one job would dispatch it twice.
     */
    void check(DueJob job) {
        if (!checks.renewLease(job, clock.instant().plus(properties.lease()))) {
            log.debug("job {} is no longer leased to this round; skipping it", job.id());
            return;
        }
        if (job.status() == JobStatus.DISPATCHED || job.statusUrl() == null) {
            checkDispatched(job);
            return;
        }
        if (job.cancelRequestedAt() != null && job.cancelUrl() != null) {
            CancelOutcome outcome = fal.cancel(job.cancelUrl());
            if (outcome == CancelOutcome.NOT_FOUND) {
                lifecycle.canceled(job.id());
                metrics.action("canceled");
                return;
            }
        }
        FalStatus status;
        try {
            status = fal.status(job.statusUrl(), false);
        } catch (FalNotFoundException e) {
            fail(job, "fal_request_lost", "fal no longer knows the request this job was submitted as");
            return;
        }
        Instant now = clock.instant();
        if (status instanceof FalStatus.Completed completed) {
            ingest(job, completed);
            checks.checkAgainAt(job.id(), clock.instant().plus(properties.ingestGrace()));
        } else if (status instanceof FalStatus.InProgress) {
            if (job.status() == JobStatus.SUBMITTED) {
                lifecycle.running(job.id());
            }
            metrics.action("running");
            running(job, now);
        } else {
            metrics.action("waiting");
            inQueue(job, now);
        }
    }

    /** Gives up on a job fal has been running for longer than any model should take, so its budget hold ends. */
    private void running(DueJob job, Instant now) {
        Instant since = job.submittedAt() != null ? job.submittedAt() : now;
        if (job.cancelRequestedAt() == null
                && since.plus(properties.maxRunTime()).isBefore(now)) {
            giveUp(job, now, "ran at fal longer than " + properties.maxRunTime());
            return;
        }
        checks.checkAgainAt(job.id(), now.plus(followUp(job)));
    }

    /** No worker has reported the job submitted: send it again, or give up after the configured attempts. */
    private void checkDispatched(DueJob job) {
        Instant now = clock.instant();
        SubmitLeases.Lease lease = leases.lease(job.id());
        if (job.cancelRequestedAt() != null) {
            lifecycle.canceled(job.id());
            metrics.action("canceled");
        } else if (lease.held(job.dispatchAttempts(), now)) {
            // a worker is submitting this attempt; its report is due before the lease ends
            checks.checkAgainAt(job.id(), lease.until());
        } else if (lease.granted(job.dispatchAttempts()) && workQueues.submissionsBacklogged()) {
            // the report may be in the backlog: dispatching again now would submit the job to fal twice
            log.info("job {} waits for the JobSubmitted backlog before it may be dispatched again", job.id());
            checks.checkAgainAt(job.id(), now.plus(properties.pollInterval()));
        } else if (!workQueues.hasConsumers(job.kind())) {
            log.info("job {} waits for a {} worker; none is consuming", job.id(), job.kind());
            checks.checkAgainAt(job.id(), clock.instant().plus(dispatch.workerTimeout()));
        } else if (job.dispatchAttempts() >= dispatch.maxAttempts()) {
            lifecycle.failed(new JobFailed(
                    job.id(),
                    null,
                    new JobError(
                            "dispatch_timeout",
                            "no worker submitted the job to fal after " + job.dispatchAttempts() + " dispatches",
                            null),
                    clock.instant()));
            metrics.action("failed");
        } else {
            log.info(
                    "job {} dispatched {} time(s) without a submission; dispatching again",
                    job.id(),
                    job.dispatchAttempts());
            redispatch.redispatch(job.id());
            metrics.action("redispatched");
        }
    }

    private void inQueue(DueJob job, Instant now) {
        Instant since = job.submittedAt() != null ? job.submittedAt() : now;
        if (job.cancelRequestedAt() == null
                && since.plus(properties.queueDeadline()).isBefore(now)) {
            giveUp(job, now, "waited in fal's queue longer than " + properties.queueDeadline());
            return;
        }
        checks.checkAgainAt(job.id(), now.plus(followUp(job)));
    }

    /** Cancels the request at fal and expires the job, unless fal finished it meanwhile: then the result is taken. */
    private void giveUp(DueJob job, Instant now, String reason) {
        CancelOutcome outcome = job.cancelUrl() == null ? CancelOutcome.NOT_FOUND : fal.cancel(job.cancelUrl());
        if (outcome == CancelOutcome.ALREADY_COMPLETED) {
            checks.checkAgainAt(job.id(), now);
            return;
        }
        lifecycle.expired(job.id(), reason);
        metrics.action("expired");
    }

    private void fail(DueJob job, String code, String message) {
        lifecycle.failed(
                new JobFailed(job.id(), job.falRequestId(), new JobError(code, message, null), clock.instant()));
        metrics.action("failed");
    }

    /** Feeds fal's finished result into the same ingestion path a webhook takes. */
    private void ingest(DueJob job, FalStatus.Completed completed) {
        FalResultReceived result;
        try {
            FalResult r = fal.result(job.responseUrl());
            result = new FalResultReceived(
                    job.id(),
                    job.falRequestId(),
                    "OK",
                    r.body(),
                    null,
                    null,
                    FalResultReceived.Source.RECONCILER,
                    clock.instant());
        } catch (FalNotFoundException e) {
            fail(job, "fal_result_expired", "fal no longer holds the result of this request");
            return;
        } catch (FalException e) {
            if (!completed.failed() && e.retryable()) {
                throw e;
            }
            result = new FalResultReceived(
                    job.id(),
                    job.falRequestId(),
                    "ERROR",
                    e.body(),
                    "Invalid status code: " + e.status(),
                    null,
                    FalResultReceived.Source.RECONCILER,
                    clock.instant());
        }
        publisher.publish(Messaging.EVENTS_EXCHANGE, Messaging.FAL_RESULT_RECEIVED, result);
        metrics.action("result_fetched");
    }

    private Duration followUp(DueJob job) {
        return job.cancelRequestedAt() != null ? properties.cancelFollowUp() : properties.pollInterval();
    }

    /** Cancels fal requests that lost to another request of their job, so they neither run nor bill. */
    void cancelUnwanted(int limit) {
        for (FalRequestsToCancel.Unwanted u : unwanted.pending(limit)) {
            try {
                String outcome = u.cancelUrl() == null
                        ? "no_cancel_url"
                        : fal.cancel(u.cancelUrl()).name();
                unwanted.done(u.falRequestId(), outcome, clock.instant());
            } catch (FalException e) {
                log.warn("cancelling unwanted fal request {} failed; retrying", u.falRequestId(), e);
            }
        }
    }
}
