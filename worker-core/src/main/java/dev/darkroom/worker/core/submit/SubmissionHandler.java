package dev.darkroom.worker.core.submit;

import dev.darkroom.contracts.catalog.Catalog;
import dev.darkroom.contracts.catalog.FalInputMapper;
import dev.darkroom.contracts.catalog.ModelKind;
import dev.darkroom.contracts.catalog.ModelSpec;
import dev.darkroom.contracts.messages.DispatchJob;
import dev.darkroom.contracts.messages.JobError;
import dev.darkroom.contracts.messages.JobFailed;
import dev.darkroom.contracts.messages.JobSubmitted;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.falclient.FalClient;
import dev.darkroom.falclient.errors.FalAuthenticationException;
import dev.darkroom.falclient.errors.FalException;
import dev.darkroom.falclient.errors.FalForbiddenException;
import dev.darkroom.falclient.queue.FalSubmission;
import dev.darkroom.falclient.queue.Priority;
import dev.darkroom.falclient.queue.SubmitOptions;
import dev.darkroom.support.amqp.ConfirmedPublisher;
import dev.darkroom.worker.core.images.InputImageException;
import dev.darkroom.worker.core.images.InputImages;
import dev.darkroom.worker.core.webhooks.WebhookUrls;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Submits one dispatched job to fal and reports the outcome, then returns so the container acks: the job is never
 * held while fal renders.
 *
 * <ul>
 *   <li>fal accepted it: {@code JobSubmitted} with fal's request id and URLs.
 *   <li>fal refused it for good (422, 401, 403, 404, other non-retryable errors), or an input image is unusable:
 *       {@code JobFailed}.
 *   <li>fal was busy or unreachable, or the submit's outcome is uncertain: the exception propagates and the listener
 *       retries with backoff; once retries are spent the message goes to the dead-letter queue and the
 *       orchestrator's reconciler dispatches the job again after its worker timeout.
 *   <li>the message cannot be processed at all (unknown model, a model of the other kind, no job id):
 *       {@link AmqpRejectAndDontRequeueException}, straight to the dead-letter queue.
 * </ul>
 *
 * Every report is published with a broker confirm; a failed publish propagates like a transient failure.
 */
public final class SubmissionHandler {

    private static final Logger log = LoggerFactory.getLogger(SubmissionHandler.class);
    static final String STORE_IO = "X-Fal-Store-IO";

    private final Catalog catalog;
    private final ModelKind kind;
    private final FalClient fal;
    private final InputImages inputImages;
    private final WebhookUrls webhooks;
    private final Duration startTimeout;
    private final ConfirmedPublisher publisher;
    private final SubmissionMetrics metrics;
    private final Clock clock;

    SubmissionHandler(
            Catalog catalog,
            ModelKind kind,
            FalClient fal,
            InputImages inputImages,
            WebhookUrls webhooks,
            Duration startTimeout,
            ConfirmedPublisher publisher,
            SubmissionMetrics metrics,
            Clock clock) {
        this.catalog = catalog;
        this.kind = kind;
        this.fal = fal;
        this.inputImages = inputImages;
        this.webhooks = webhooks;
        this.startTimeout = startTimeout;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void handle(DispatchJob job) {
        String modelTag = catalog.find(job.model()).map(ModelSpec::id).orElse(SubmissionMetrics.UNKNOWN_MODEL);
        try {
            metrics.outcome(modelTag, process(job));
        } catch (AmqpRejectAndDontRequeueException e) {
            metrics.outcome(modelTag, SubmissionMetrics.REJECTED);
            throw e;
        } catch (RuntimeException e) {
            metrics.outcome(modelTag, SubmissionMetrics.RETRIED);
            throw e;
        }
    }

    /** Submits and reports; returns the outcome, or throws for a retry or the dead-letter queue. */
    private String process(DispatchJob job) {
        ModelSpec model = model(job);
        ObjectNode falInput = falInput(model, job);
        try {
            inputImages.resolve(model, falInput);
            FalSubmission submission = submit(model, job, falInput);
            publisher.publish(
                    Messaging.EVENTS_EXCHANGE,
                    Messaging.JOB_SUBMITTED,
                    new JobSubmitted(
                            job.jobId(),
                            submission.requestId(),
                            submission.statusUrl(),
                            submission.responseUrl(),
                            submission.cancelUrl(),
                            clock.instant()));
            log.info("job {} ({}) submitted to fal as {}", job.jobId(), model.id(), submission.requestId());
            return SubmissionMetrics.SUBMITTED;
        } catch (InputImageException e) {
            log.info("job {} ({}) fails: {}", job.jobId(), model.id(), e.getMessage());
            fail(job, new JobError(InputImageException.CODE, e.getMessage(), null));
            return SubmissionMetrics.INPUT_INVALID;
        } catch (FalException e) {
            if (FalFailures.transientFailure(e)) {
                log.warn(
                        "job {} ({}): fal failed transiently, will retry: {}", job.jobId(), model.id(), e.getMessage());
                throw e;
            }
            JobError error = FalFailures.jobError(e);
            logRefusal(job, model, error, e);
            fail(job, error);
            return SubmissionMetrics.FAILED;
        }
    }

    private ModelSpec model(DispatchJob job) {
        if (job.jobId() == null) {
            throw poison("a DispatchJob without a job id");
        }
        ModelSpec model = catalog.find(job.model()).orElse(null);
        if (model == null) {
            throw poison("job " + job.jobId() + " names a model the catalog does not hold: " + job.model());
        }
        if (model.kind() != kind) {
            throw poison("job " + job.jobId() + " is a " + model.kind() + " job on the " + kind + " worker's queue");
        }
        return model;
    }

    private ObjectNode falInput(ModelSpec model, DispatchJob job) {
        if (job.input() == null || !job.input().isObject()) {
            throw poison("job " + job.jobId() + " has no input object");
        }
        try {
            return FalInputMapper.toFal(model, job.input());
        } catch (RuntimeException e) {
            // the orchestrator validated this input; if the catalog cannot map it, no retry will
            throw new AmqpRejectAndDontRequeueException("job " + job.jobId() + ": input cannot be mapped to fal's", e);
        }
    }

    private FalSubmission submit(ModelSpec model, DispatchJob job, ObjectNode falInput) {
        SubmitOptions options = SubmitOptions.builder()
                .webhookUrl(webhooks.forJob(job.jobId()))
                .priority(Priority.NORMAL)
                .startTimeout(startTimeout)
                // fal keeps no copy of the tenant's input and output payloads (docs/fal-protocol.md#privacy)
                .header(STORE_IO, "0")
                .build();
        Timer.Sample sample = metrics.startSubmit();
        boolean accepted = false;
        try {
            FalSubmission submission = fal.submit(model.falEndpoint(), falInput, options);
            accepted = true;
            return submission;
        } finally {
            metrics.stopSubmit(sample, model.id(), accepted);
        }
    }

    private void fail(DispatchJob job, JobError error) {
        publisher.publish(
                Messaging.EVENTS_EXCHANGE,
                Messaging.JOB_FAILED,
                new JobFailed(job.jobId(), null, error, clock.instant()));
    }

    private static AmqpRejectAndDontRequeueException poison(String why) {
        return new AmqpRejectAndDontRequeueException(why);
    }

    private static void logRefusal(DispatchJob job, ModelSpec model, JobError error, FalException e) {
        if (e instanceof FalAuthenticationException || e instanceof FalForbiddenException) {
            // the key or the account, not the job: every job fails until someone acts
            log.error("job {} ({}) refused by fal with {}: {}", job.jobId(), model.id(), error.code(), e.getMessage());
        } else {
            log.warn("job {} ({}) refused by fal with {}: {}", job.jobId(), model.id(), error.code(), e.getMessage());
        }
    }
}
