package dev.darkroom.contracts.messages;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A fal result to ingest: a verified webhook recorded by the webhook-receiver, or a result the orchestrator's
 * reconciler fetched by polling. Both take the same path, so a late webhook and a poll are idempotent together.
 *
 * @param jobId the job, from the webhook URL or the reconciler
 * @param falRequestId fal's request id
 * @param status {@code OK} or {@code ERROR}, as in fal's webhook
 * @param payload fal's output (OK) or error body (ERROR); may be null
 * @param error fal's error message for ERROR, or null
 * @param payloadError fal's {@code payload_error}, or null
 * @param source where it came from
 * @param receivedAt when Darkroom received it
 */
public record FalResultReceived(
        UUID jobId,
        String falRequestId,
        String status,
        JsonNode payload,
        String error,
        String payloadError,
        Source source,
        Instant receivedAt) {

    /** Where a result came from. */
    public enum Source {
        WEBHOOK,
        RECONCILER
    }

    public boolean ok() {
        return "OK".equals(status);
    }
}
