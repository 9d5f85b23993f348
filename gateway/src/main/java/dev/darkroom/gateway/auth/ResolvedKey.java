package dev.darkroom.gateway.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * A usable API key, as the orchestrator resolved it.
 *
 * @param tenantId its tenant
 * @param keyId the key
 * @param expiresAt when it stops working, or null
 */
public record ResolvedKey(UUID tenantId, UUID keyId, Instant expiresAt) {

    /** Exchange attribute holding the key of an authenticated request. */
    public static final String ATTRIBUTE = ResolvedKey.class.getName();
}
