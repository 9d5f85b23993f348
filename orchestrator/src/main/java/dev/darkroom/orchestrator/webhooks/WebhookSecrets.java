package dev.darkroom.orchestrator.webhooks;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * The one place webhook secrets are made, written and read: what the database holds goes through {@link #seal}
 * on the way in and {@link #open} on the way out, so encrypting them at rest changes this class only. Secrets are
 * Standard Webhooks' {@code whsec_} + base64 of 24 random bytes.
 */
@Component
class WebhookSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getEncoder().encodeToString(bytes);
    }

    /** The form a secret is stored in (today the secret itself; encryption at rest will wrap it here). */
    String seal(String secret) {
        return secret;
    }

    /** The secret a stored value holds; null stays null. */
    String open(String stored) {
        return stored;
    }
}
