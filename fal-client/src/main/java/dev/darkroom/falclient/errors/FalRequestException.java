package dev.darkroom.falclient.errors;

import java.util.Set;

/**
 * fal's flat request error ({@code {"detail": "...", "error_type": "..."}}, docs/fal-protocol.md#request-errors) or any
 * other 4xx that has no more specific type. Runner and timeout errors are transient; input and client errors are not.
 */
public final class FalRequestException extends FalException {

    /** Error types fal documents as infrastructure hiccups that a new attempt can get past. */
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "request_timeout",
            "startup_timeout",
            "generation_timeout",
            "runner_scheduling_failure",
            "runner_connection_timeout",
            "runner_disconnected",
            "runner_connection_refused",
            "runner_connection_error",
            "runner_incomplete_response",
            "downstream_service_unavailable");

    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(408, 409, 502, 503, 504);

    private final String detail;

    public FalRequestException(String message, FalErrorResponse response, String detail) {
        super(message, response, null);
        this.detail = detail;
    }

    /** fal's {@code detail} text, or null when the body had none. */
    public String detail() {
        return detail;
    }

    @Override
    protected boolean retryableByDefault() {
        if (response().userTimeout()) {
            return false;
        }
        boolean clientError = status() >= 400 && status() < 500 && status() != 408 && status() != 409;
        return !clientError && (TRANSIENT_STATUSES.contains(status()) || TRANSIENT_TYPES.contains(errorType()));
    }
}
