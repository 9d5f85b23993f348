package dev.darkroom.falclient.errors;

/**
 * fal answered, but not in a shape the protocol allows: a success body that is not JSON, a submit without a
 * request id, an unknown status value, a redirect. Points at a protocol change or a misconfigured base URL.
 */
public final class FalUnexpectedResponseException extends FalException {

    public FalUnexpectedResponseException(String message, FalErrorResponse response) {
        super(message, response, null);
    }

    @Override
    protected boolean retryableByDefault() {
        return false;
    }
}
