package dev.darkroom.falsim.webhooks;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery (docs/fal-protocol.md#webhooks).
 *
 * @param userId the fal user id sent in {@code X-Fal-Webhook-User-Id} and signed
 * @param timeout how long one delivery attempt may take (fal: 15 s)
 * @param retryDelays waits between attempts; attempts = delays + 1 (default, as fal: 10 retries over about 2
 *     hours, 11 attempts)
 * @param maxConcurrentDeliveries deliveries in flight at once; the rest wait their turn
 * @param sendOnCancel whether a cancelled request still gets its ERROR webhook (undocumented on fal)
 * @param reorderMaxHold longest a webhook picked for reordering waits for a later one to overtake it
 * @param duplicateGap how long after the original a duplicated webhook is sent
 */
@ConfigurationProperties("fal-sim.webhooks")
public record WebhookProperties(
        @DefaultValue("sim-user") String userId,
        @DefaultValue("15s") Duration timeout,

        @DefaultValue({"15s", "30s", "1m", "2m", "4m", "8m", "16m", "30m", "30m", "29m"})
        List<Duration> retryDelays,

        @DefaultValue("4") int maxConcurrentDeliveries,
        @DefaultValue("true") boolean sendOnCancel,
        @DefaultValue("5s") Duration reorderMaxHold,
        @DefaultValue("100ms") Duration duplicateGap) {

    public WebhookProperties {
        retryDelays = List.copyOf(retryDelays);
        if (maxConcurrentDeliveries < 1) {
            throw new IllegalArgumentException("fal-sim.webhooks.max-concurrent-deliveries must be at least 1");
        }
    }

    public int maxAttempts() {
        return retryDelays.size() + 1;
    }
}
