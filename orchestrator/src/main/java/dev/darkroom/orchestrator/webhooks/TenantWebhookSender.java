package dev.darkroom.orchestrator.webhooks;

import dev.darkroom.orchestrator.scheduling.PollingLoop;
import org.springframework.stereotype.Component;

/**
 * The tenant webhook sender's loop: each round hands due deliveries to the {@link DeliveryEngine}, which attempts
 * them on its own pool. Woken by {@link WebhookWakeup} when a commit creates deliveries, by the engine when a slot
 * frees, and otherwise every {@code interval} as a fallback.
 */
@Component
class TenantWebhookSender extends PollingLoop {

    private final DeliveryEngine engine;

    TenantWebhookSender(DeliveryEngine engine, TenantWebhookProperties properties) {
        super("tenant-webhooks", properties.interval(), engine::round);
        this.engine = engine;
        engine.whenSlotFrees(this::nudge);
    }

    @Override
    public synchronized void stop() {
        super.stop();
        engine.shutdown();
    }
}
