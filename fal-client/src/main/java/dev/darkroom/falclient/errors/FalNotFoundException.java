package dev.darkroom.falclient.errors;

/** 404: unknown endpoint or app, or a request id fal does not know (or no longer keeps). */
public final class FalNotFoundException extends FalException {

    public FalNotFoundException(String message, FalErrorResponse response) {
        super(message, response, null);
    }

    @Override
    protected boolean retryableByDefault() {
        return false;
    }
}
