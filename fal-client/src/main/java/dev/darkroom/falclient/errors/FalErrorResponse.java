package dev.darkroom.falclient.errors;

import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * The facts of one failed exchange with fal that callers act on. Built by the client; the body never contains the
 * API key.
 *
 * @param operation what was attempted, e.g. {@code "POST /queue/fal-ai/flux/dev"} (path only: query strings can
 *     carry webhook tokens)
 * @param status HTTP status, or 0 when no response arrived
 * @param requestId {@code x-fal-request-id}, or null when absent (an ingress error)
 * @param errorType {@code X-Fal-Error-Type} header or the body's {@code error_type}, or null
 * @param retryableHint {@code X-Fal-Retryable}, or null when fal sent no hint
 * @param userTimeout true when fal answered {@code X-Fal-Request-Timeout-Type: user}: the caller's own start
 *     timeout expired, so trying again would expire again
 * @param retryAfter {@code Retry-After} as a duration from now, or null when absent
 * @param body the parsed JSON body, a string node for a non-JSON body, or a missing node when there was none
 */
public record FalErrorResponse(
        String operation,
        int status,
        String requestId,
        String errorType,
        Boolean retryableHint,
        boolean userTimeout,
        Duration retryAfter,
        JsonNode body) {

    public FalErrorResponse {
        body = body == null ? MissingNode.getInstance() : body;
    }

    /** For failures where no response arrived at all. */
    public static FalErrorResponse noResponse(String operation) {
        return new FalErrorResponse(operation, 0, null, null, null, false, null, MissingNode.getInstance());
    }
}
