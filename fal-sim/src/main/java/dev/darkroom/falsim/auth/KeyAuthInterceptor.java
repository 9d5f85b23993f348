package dev.darkroom.falsim.auth;

import dev.darkroom.falsim.web.FalHttpException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks fal's {@code Authorization: Key id:secret} header the way fal answers: 401 with fal's bodies for a missing,
 * malformed or unknown key (docs/fal-protocol.md#authentication, #account-errors), 403 for a locked account.
 */
class KeyAuthInterceptor implements HandlerInterceptor {

    static final String MALFORMED = "Invalid Key Authorization header format. Expected '<key_id>:<key_secret>'.";
    static final String UNKNOWN = "No user found for Key ID and Secret";
    // fal's body for a missing header is not documented; a FastAPI-style message is the likely shape
    static final String MISSING = "Missing Authorization header";
    static final String LOCKED =
            "User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing.";

    private final AuthProperties properties;

    KeyAuthInterceptor(AuthProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw FalHttpException.detail(401, MISSING);
        }
        String key = wellFormedKey(header.trim());
        if (key == null) {
            throw FalHttpException.detail(401, MALFORMED);
        }
        if (properties.lockedKeys().contains(key)) {
            throw FalHttpException.detail(403, LOCKED);
        }
        if (!properties.acceptAnyKey() && !properties.keys().contains(key)) {
            throw FalHttpException.detail(401, UNKNOWN);
        }
        return true;
    }

    /** {@code id:secret} from {@code Key id:secret}, or null when the header does not have that form. */
    static String wellFormedKey(String header) {
        if (!header.regionMatches(true, 0, "Key ", 0, 4)) {
            return null;
        }
        String key = header.substring(4).trim();
        int colon = key.indexOf(':');
        return colon > 0 && colon < key.length() - 1 && key.indexOf(' ') < 0 ? key : null;
    }
}
