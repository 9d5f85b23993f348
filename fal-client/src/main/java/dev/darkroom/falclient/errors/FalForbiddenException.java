package dev.darkroom.falclient.errors;

import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * 403: the account is locked (exhausted balance, admin lock) or the key lacks the permission. Not retryable: it
 * needs a person, so alert on it.
 */
public final class FalForbiddenException extends FalException {

    public FalForbiddenException(String message, FalErrorResponse response) {
        super(message, response, null);
    }

    /** True when fal said the user is locked, e.g. {@code "User is locked. Reason: Exhausted balance."}. */
    public boolean accountLocked() {
        JsonNode detail = body().path("detail");
        return detail.isString()
                && detail.stringValue().toLowerCase(Locale.ROOT).contains("locked");
    }

    @Override
    protected boolean retryableByDefault() {
        return false;
    }
}
