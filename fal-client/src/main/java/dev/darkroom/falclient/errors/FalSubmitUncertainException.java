package dev.darkroom.falclient.errors;

/**
 * A submit failed in a way that leaves open whether fal enqueued (and will bill) the request: a 502/504 or other
 * gateway 5xx, a read timeout, or a reset after the request was sent. fal has no idempotency key for submit, so the
 * client never re-sends it; the caller must reconcile (treat the job as possibly running, wait for its webhook or
 * mark it for review) rather than blindly submit again. The original failure is the {@link #getCause() cause}.
 */
public final class FalSubmitUncertainException extends FalException {

    public FalSubmitUncertainException(String message, FalException cause) {
        super(message, cause.response(), cause);
    }

    /** The failure that made the outcome uncertain. */
    public FalException failure() {
        return (FalException) getCause();
    }

    /** Never: re-sending might create a second, billed generation. */
    @Override
    public boolean retryable() {
        return false;
    }

    @Override
    protected boolean retryableByDefault() {
        return false;
    }
}
