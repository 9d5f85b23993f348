package dev.darkroom.orchestrator.webhooks;

import dev.darkroom.orchestrator.webhooks.DeliveryQueue.Claimed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes what an attempt got, in one transaction: the attempt row, then the delivery's next state. A 2xx ends it;
 * {@code 410 Gone} fails it and disables the endpoint; anything else waits for the next step of the schedule
 * (spread by jitter, or longer when a 429/503 asked so) until the schedule runs out. An endpoint whose attempts have
 * all failed for {@code disable-after} is disabled too; either way its tenant's other endpoints hear of it.
 */
@Component
class DeliveryOutcomes {

    private static final Logger log = LoggerFactory.getLogger(DeliveryOutcomes.class);

    private final DeliveryQueue queue;
    private final WebhookEndpoints endpoints;
    private final TenantEvents events;
    private final TenantWebhookProperties properties;
    private final Clock clock;

    DeliveryOutcomes(
            DeliveryQueue queue,
            WebhookEndpoints endpoints,
            TenantEvents events,
            TenantWebhookProperties properties,
            Clock clock) {
        this.queue = queue;
        this.endpoints = endpoints;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** Records the attempt; returns when the delivery is due again, or null when it is done with. */
    @Transactional
    public Instant record(
            Claimed c, WebhookEndpoint endpoint, Instant started, long latencyMs, WebhookPoster.Result r) {
        queue.recordAttempt(c.id(), started, r.httpStatus(), latencyMs, r.error());
        Instant now = clock.instant();
        if (r.ok()) {
            queue.delivered(c, now);
            endpoints.succeeded(endpoint.id());
            return null;
        }
        log.info("tenant webhook delivery {} attempt {} failed: {}", c.id(), c.tries() + 1, r.error());
        if (Integer.valueOf(410).equals(r.httpStatus())) {
            queue.failed(c, now);
            disable(endpoint, "the endpoint answered 410 Gone", now);
            return null;
        }
        int retry = c.tries() + 1;
        Instant next = retry > properties.backoff().size()
                ? null
                : now.plus(wait(properties.backoff().get(retry - 1), r.retryAfter()));
        boolean stillOurs = next == null ? queue.failed(c, now) : queue.retryAt(c, next);
        Instant failingSince = endpoints.failing(endpoint.id(), now);
        if (!failingSince.plus(properties.disableAfter()).isAfter(now)) {
            disable(endpoint, "every attempt failed since " + failingSince, now);
            return null;
        }
        return stillOurs ? next : null;
    }

    private Duration wait(Duration step, Duration retryAfter) {
        double spread = properties.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        Duration jittered = Duration.ofMillis(Math.round(step.toMillis() * (1 + spread)));
        if (retryAfter == null) {
            return jittered;
        }
        Duration asked = retryAfter.compareTo(properties.maxRetryAfter()) > 0 ? properties.maxRetryAfter() : retryAfter;
        return asked.compareTo(jittered) > 0 ? asked : jittered;
    }

    private void disable(WebhookEndpoint endpoint, String reason, Instant now) {
        if (!endpoints.disable(endpoint.id(), reason, now)) {
            return;
        }
        log.warn("tenant webhook endpoint {} of tenant {} disabled: {}", endpoint.id(), endpoint.tenantId(), reason);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("endpoint_id", endpoint.id().toString());
        data.put("url", endpoint.url());
        data.put("reason", reason);
        data.put("disabled_at", now.toString());
        // the endpoint is disabled in this transaction already, so only the tenant's other endpoints get it
        events.enqueue(endpoint.tenantId(), EventTypes.ENDPOINT_DISABLED, () -> data);
    }
}
