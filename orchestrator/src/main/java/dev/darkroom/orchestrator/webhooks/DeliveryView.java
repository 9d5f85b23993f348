package dev.darkroom.orchestrator.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One message's delivery to one endpoint, with every attempt.
 *
 * @param id the delivery id (for replay)
 * @param webhookId the message id, sent as {@code webhook-id}: the same on every attempt and replay
 * @param eventType the event type
 * @param status {@code pending}, {@code delivered} or {@code failed}
 * @param payload the message as posted
 * @param createdAt when the event happened
 * @param nextAttemptAt when a pending delivery is next attempted, or null
 * @param deliveredAt when an attempt succeeded, or null
 * @param failedAt when it was given up, or null
 * @param attempts the attempts, oldest first
 */
record DeliveryView(
        UUID id,
        UUID webhookId,
        String eventType,
        String status,
        Object payload,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant deliveredAt,
        Instant failedAt,
        List<AttemptView> attempts) {

    /**
     * One attempt.
     *
     * @param attemptedAt when it started
     * @param httpStatus the endpoint's status code, or null when no response headers arrived
     * @param latencyMs how long it took, cut at the attempt deadline
     * @param error why it failed, or null
     */
    record AttemptView(Instant attemptedAt, Integer httpStatus, long latencyMs, String error) {}
}
