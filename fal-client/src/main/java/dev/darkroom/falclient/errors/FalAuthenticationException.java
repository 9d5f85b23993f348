package dev.darkroom.falclient.errors;

/** 401: fal does not know the key, or the Authorization header is malformed. A configuration problem. */
public final class FalAuthenticationException extends FalException {

    public FalAuthenticationException(String message, FalErrorResponse response) {
        super(message, response, null);
    }

    @Override
    protected boolean retryableByDefault() {
        return false;
    }
}
