package dev.darkroom.orchestrator.webhooks;

import dev.darkroom.orchestrator.scheduling.Loop;
import dev.darkroom.orchestrator.scheduling.LoopRunner;
import org.springframework.stereotype.Component;

/**
 * The tenant webhook sender's loop: each round hands due deliveries to the {@link DeliveryEngine}, which attempts
 * them on its own pool. Woken by {@link WebhookWakeup} when a commit creates deliveries, by the engine when a slot
 * frees or an early retry comes due, and otherwise every {@code interval} as a fallback.
 */
@Component
class TenantWebhookSender {

    private final DeliveryEngine engine;
    private final Loop loop;

    TenantWebhookSender(DeliveryEngine engine, TenantWebhookProperties properties, LoopRunner loops) {
        this.engine = engine;
        this.loop = loops.register("tenant-webhooks", properties.interval(), this::deliveryRound);
        engine.whenSlotFrees(loop::nudge);
    }

    /** One round: lease what the engine's free slots can take and start it; true when more may be due now. */
    boolean deliveryRound() {
        return engine.round();
    }

    void nudge() {
        loop.nudge();
    }
}
