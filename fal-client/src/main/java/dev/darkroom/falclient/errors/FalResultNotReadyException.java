package dev.darkroom.falclient.errors;

/**
 * The result was asked for before the request completed (400 {@code "Request is still in progress"}). Not an error
 * of the request: poll the status until it is COMPLETED and ask again. The client does not retry this itself.
 */
public final class FalResultNotReadyException extends FalException {

    public FalResultNotReadyException(String message, FalErrorResponse response) {
        super(message, response, null);
    }

    @Override
    protected boolean retryableByDefault() {
        return true;
    }
}
