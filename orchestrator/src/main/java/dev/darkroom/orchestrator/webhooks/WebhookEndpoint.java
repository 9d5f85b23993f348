package dev.darkroom.orchestrator.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's webhook endpoint as stored, secrets opened.
 *
 * @param id the endpoint id
 * @param tenantId its tenant
 * @param url where deliveries are posted
 * @param description the tenant's note
 * @param eventTypes the types it receives; null for every type
 * @param enabled false once the tenant or the failure policy turned it off
 * @param disabledReason why it was turned off, or null
 * @param secret the current signing secret
 * @param previousSecret the secret before the last rotation, still signing until {@code previousSecretUntil}
 * @param previousSecretUntil the end of the rotation overlap, or null
 * @param failingSince since when every attempt has failed, or null
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
record WebhookEndpoint(
        UUID id,
        UUID tenantId,
        String url,
        String description,
        List<String> eventTypes,
        boolean enabled,
        String disabledReason,
        String secret,
        String previousSecret,
        Instant previousSecretUntil,
        Instant failingSince,
        Instant createdAt,
        Instant updatedAt) {

    /** The secrets a delivery at {@code now} is signed with: the current one, and the previous during overlap. */
    List<String> signingSecrets(Instant now) {
        return previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)
                ? List.of(secret, previousSecret)
                : List.of(secret);
    }
}
