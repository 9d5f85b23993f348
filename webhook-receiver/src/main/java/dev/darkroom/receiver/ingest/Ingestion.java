package dev.darkroom.receiver.ingest;

import dev.darkroom.contracts.catalog.Catalog;
import dev.darkroom.contracts.catalog.ModelSpec;
import dev.darkroom.contracts.messages.FalResultReceived;
import dev.darkroom.contracts.messages.JobCompleted;
import dev.darkroom.contracts.messages.JobError;
import dev.darkroom.contracts.messages.JobFailed;
import dev.darkroom.contracts.messages.StoredOutput;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.receiver.claims.Claim;
import dev.darkroom.receiver.claims.OrchestratorClient;
import dev.darkroom.receiver.outputs.OutputCopier;
import dev.darkroom.receiver.outputs.OutputRef;
import dev.darkroom.receiver.outputs.OutputRejectedException;
import dev.darkroom.support.amqp.ConfirmedPublisher;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Ingests one fal result. Safe to run any number of times for the same result: the orchestrator's claim refuses a
 * finished job or another request's result, and the outputs' keys are fixed, so a repeat overwrites the same objects
 * with the same bytes and the orchestrator settles {@code JobCompleted} once.
 */
@Component
class Ingestion {

    private static final Logger log = LoggerFactory.getLogger(Ingestion.class);

    /** How an ingestion ended, as the metrics tag it. */
    enum Outcome {
        COMPLETED,
        FAILED,
        DROPPED
    }

    private final OrchestratorClient orchestrator;
    private final Catalog catalog;
    private final ResultFetcher fetcher;
    private final OutputCopier copier;
    private final ConfirmedPublisher publisher;
    private final Clock clock;

    Ingestion(
            OrchestratorClient orchestrator,
            Catalog catalog,
            ResultFetcher fetcher,
            OutputCopier copier,
            ConfirmedPublisher publisher,
            Clock clock) {
        this.orchestrator = orchestrator;
        this.catalog = catalog;
        this.fetcher = fetcher;
        this.copier = copier;
        this.publisher = publisher;
        this.clock = clock;
    }

    Outcome ingest(FalResultReceived result) {
        requireWellFormed(result);
        Optional<Claim> claimed = orchestrator.claim(result.jobId(), result.falRequestId());
        if (claimed.isEmpty()) {
            return Outcome.DROPPED;
        }
        Claim claim = claimed.get();
        ModelSpec model = catalog.find(claim.model())
                .orElseThrow(() -> new AmqpRejectAndDontRequeueException(
                        "job " + claim.jobId() + " has model " + claim.model() + ", which this catalog lacks"));
        try {
            if (!result.ok()) {
                throw new JobFailure(FalErrors.fromWebhook(result.payload(), result.error(), result.payloadError()));
            }
            JsonNode payload =
                    hasPayload(result) ? result.payload() : fetcher.fetch(claim, model, result.falRequestId());
            List<StoredOutput> outputs =
                    copy(claim, model, FlaggedOutputs.apply(claim.nsfwPolicy(), OutputRefs.of(model.kind(), payload)));
            publisher.publish(
                    Messaging.EVENTS_EXCHANGE,
                    Messaging.JOB_COMPLETED,
                    new JobCompleted(result.jobId(), result.falRequestId(), outputs, clock.instant()));
            log.info(
                    "job {} completed with {} output(s) from fal request {}",
                    claim.jobId(),
                    outputs.size(),
                    result.falRequestId());
            return Outcome.COMPLETED;
        } catch (JobFailure failure) {
            publisher.publish(
                    Messaging.EVENTS_EXCHANGE,
                    Messaging.JOB_FAILED,
                    new JobFailed(result.jobId(), result.falRequestId(), failure.error(), clock.instant()));
            log.info(
                    "job {} failed ({}): {}",
                    claim.jobId(),
                    failure.error().code(),
                    failure.error().message());
            return Outcome.FAILED;
        }
    }

    private List<StoredOutput> copy(Claim claim, ModelSpec model, List<OutputRef> refs) {
        int wanted = OutputBounds.count(model, claim.requestedOutputs());
        if (refs.size() > wanted) {
            // Darkroom stores (and bills) what was ordered; the extra outputs stay at fal
            log.warn(
                    "fal returned {} outputs for job {}, which asked for {}: storing the first {}",
                    refs.size(),
                    claim.jobId(),
                    wanted,
                    wanted);
            refs = refs.subList(0, wanted);
        }
        try {
            return copier.copy(
                    claim.tenantId(),
                    claim.createdAt(),
                    claim.jobId(),
                    model.kind(),
                    refs,
                    OutputBounds.maxSide(model));
        } catch (OutputRejectedException e) {
            throw new JobFailure(new JobError(e.code(), e.getMessage(), null));
        }
    }

    /** A payload to use as is; fal sends none when it could not serialise it ({@code payload_error}). */
    private static boolean hasPayload(FalResultReceived result) {
        return result.payload() != null && result.payload().isObject() && result.payloadError() == null;
    }

    private static void requireWellFormed(FalResultReceived result) {
        if (result.jobId() == null
                || result.falRequestId() == null
                || result.falRequestId().isBlank()
                || !("OK".equals(result.status()) || "ERROR".equals(result.status()))) {
            throw new AmqpRejectAndDontRequeueException("malformed FalResultReceived: " + result);
        }
    }
}
