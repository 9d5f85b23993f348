package dev.darkroom.falclient.errors;

/**
 * 429: too many concurrent requests, or the queue is longer than the submit's {@code fal_max_queue_length}. Always
 * safe to send again after {@link #retryAfter()}, because fal did not accept the request.
 */
public final class FalRateLimitedException extends FalException {

    public FalRateLimitedException(String message, FalErrorResponse response) {
        super(message, response, null);
    }

    @Override
    protected boolean retryableByDefault() {
        return true;
    }
}
