package dev.darkroom.orchestrator.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tokens guarding the orchestrator's HTTP API.
 *
 * @param adminToken bearer token of the admin API; when blank the admin API is switched off
 * @param internalToken shared secret Darkroom services send in {@code X-Darkroom-Internal-Token}; when blank,
 *     internal calls are not checked (local runs on loopback only). The gateway's credential: every internal call
 * @param receiverToken the webhook-receiver's own credential ({@code DARKROOM_RECEIVER_TOKEN}): it may claim a job
 *     for a fal request and nothing else (no tenant's views, no key lookups), so the internet-facing receiver never
 *     holds the gateway's token
 */
@ConfigurationProperties("darkroom.security")
record SecurityProperties(String adminToken, String internalToken, String receiverToken) {

    boolean adminEnabled() {
        return adminToken != null && !adminToken.isBlank();
    }

    boolean internalChecked() {
        return internalToken != null && !internalToken.isBlank();
    }

    boolean receiverTokenSet() {
        return receiverToken != null && !receiverToken.isBlank();
    }
}
