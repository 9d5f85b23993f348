package dev.darkroom.orchestrator.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook endpoint as the API shows it. The signing secret appears only in the answers to create and rotate.
 *
 * @param id the endpoint id
 * @param url where deliveries are posted
 * @param description the tenant's note, or null
 * @param eventTypes the event types it receives; null for every type
 * @param enabled whether deliveries are attempted
 * @param disabledReason why it was disabled, or null
 * @param previousSecretExpiresAt until when the secret before the last rotation still signs deliveries, or null
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param secret the {@code whsec_} signing secret, on create and rotate only
 */
record EndpointView(
        UUID id,
        String url,
        String description,
        List<String> eventTypes,
        boolean enabled,
        String disabledReason,
        Instant previousSecretExpiresAt,
        Instant createdAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    static EndpointView of(WebhookEndpoint e, Instant now) {
        return new EndpointView(
                e.id(),
                e.url(),
                e.description(),
                e.eventTypes(),
                e.enabled(),
                e.disabledReason(),
                e.previousSecretUntil() != null && now.isBefore(e.previousSecretUntil())
                        ? e.previousSecretUntil()
                        : null,
                e.createdAt(),
                e.updatedAt(),
                null);
    }

    EndpointView withSecret(String shown) {
        return new EndpointView(
                id,
                url,
                description,
                eventTypes,
                enabled,
                disabledReason,
                previousSecretExpiresAt,
                createdAt,
                updatedAt,
                shown);
    }
}
