package dev.darkroom.orchestrator.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tokens guarding the orchestrator's HTTP API.
 *
 * @param adminToken bearer token of the admin API; when blank the admin API is switched off
 * @param internalToken shared secret Darkroom services send in {@code X-Darkroom-Internal-Token}; when blank,
 *     internal calls are not checked (local runs on loopback only)
 */
@ConfigurationProperties("darkroom.security")
record SecurityProperties(String adminToken, String internalToken) {

    boolean adminEnabled() {
        return adminToken != null && !adminToken.isBlank();
    }

    boolean internalChecked() {
        return internalToken != null && !internalToken.isBlank();
    }
}
