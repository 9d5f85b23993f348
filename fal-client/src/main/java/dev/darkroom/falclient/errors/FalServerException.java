package dev.darkroom.falclient.errors;

/**
 * A 5xx without fal's structured error type: a gateway or ingress failure (often an nginx HTML page) or a server
 * error. 502, 503 and 504 are transient unless the 504 is the caller's own start timeout; 500 is not.
 */
public final class FalServerException extends FalException {

    public FalServerException(String message, FalErrorResponse response) {
        super(message, response, null);
    }

    /**
     * True when the response carries no {@code x-fal-request-id}: it came from fal's edge, not from the queue or a
     * runner (fal's python client uses the same test).
     */
    public boolean ingress() {
        return requestId() == null;
    }

    @Override
    protected boolean retryableByDefault() {
        return (status() == 502 || status() == 503 || status() == 504)
                && !response().userTimeout();
    }
}
