package dev.darkroom.falclient.errors;

/** No HTTP response: the connection failed, timed out or was reset. */
public final class FalTransportException extends FalException {

    private final boolean mayHaveBeenSent;

    public FalTransportException(String message, FalErrorResponse response, boolean mayHaveBeenSent, Throwable cause) {
        super(message, response, cause);
        this.mayHaveBeenSent = mayHaveBeenSent;
    }

    /**
     * False only when the connection was never established (refused, connect timeout, unknown host), so fal cannot
     * have seen a single byte; true when the request may have reached fal before things went wrong.
     */
    public boolean mayHaveBeenSent() {
        return mayHaveBeenSent;
    }

    @Override
    protected boolean retryableByDefault() {
        return true;
    }
}
