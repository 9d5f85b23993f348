package dev.darkroom.orchestrator.webhooks;

import com.standardwebhooks.Webhook;
import dev.darkroom.orchestrator.scheduling.LoopRunner;
import dev.darkroom.support.net.ForbiddenUrlException;
import dev.darkroom.support.net.UrlGuard;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due tenant webhooks. A round leases a batch (pushing its next attempt past the timeout, so a crashed
 * sender's batch is retried by another), then posts each outside any transaction, after renewing that delivery's
 * lease (one whose lease ran out while earlier ones were posted, and that another sender took, is skipped rather
 * than posted twice), signed per Standard Webhooks
 * ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}). A 2xx ends it; anything else waits
 * for the next backoff step, and after the last one the delivery is marked failed.
 */
@Component
class TenantWebhookSender {

    private static final Logger log = LoggerFactory.getLogger(TenantWebhookSender.class);

    private final WebhookDeliveries deliveries;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final TenantWebhookProperties properties;
    private final HttpClient http;
    private final UrlGuard guard;

    TenantWebhookSender(
            WebhookDeliveries deliveries,
            TransactionTemplate tx,
            Clock clock,
            TenantWebhookProperties properties,
            LoopRunner loops) {
        this.deliveries = deliveries;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.guard = new UrlGuard(properties.allowedHosts());
        loops.register("tenant-webhooks", properties.interval(), this::deliveryRound);
    }

    /** One round: lease a batch of due deliveries and attempt each. True when a full batch was leased. */
    boolean deliveryRound() {
        Instant now = clock.instant();
        Duration lease = properties.timeout().multipliedBy(3);
        List<WebhookDeliveries.Due> due =
                tx.execute(s -> deliveries.lease(now, now.plus(lease), properties.batchSize()));
        if (due == null || due.isEmpty()) {
            return false;
        }
        for (WebhookDeliveries.Due d : due) {
            if (!deliveries.renewLease(d, clock.instant().plus(lease))) {
                log.debug("tenant webhook {} is no longer leased to this round; skipping it", d.id());
                continue;
            }
            String error = deliver(d);
            tx.executeWithoutResult(s -> finish(d, error));
        }
        return due.size() == properties.batchSize();
    }

    /** Null when delivered, else why not. */
    private String deliver(WebhookDeliveries.Due d) {
        if (d.url() == null) {
            return "the tenant has no webhook URL any more";
        }
        try {
            URI target = guard.check(d.url());
            long ts = clock.instant().getEpochSecond();
            String signature = new Webhook(d.secret()).sign(d.id().toString(), ts, d.payload());
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(target)
                            .timeout(properties.timeout())
                            .header("Content-Type", "application/json")
                            .header("webhook-id", d.id().toString())
                            .header("webhook-timestamp", String.valueOf(ts))
                            .header("webhook-signature", signature)
                            .POST(HttpRequest.BodyPublishers.ofString(d.payload()))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (ForbiddenUrlException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private void finish(WebhookDeliveries.Due d, String error) {
        Instant now = clock.instant();
        if (error == null) {
            deliveries.delivered(d.id(), now);
            return;
        }
        int attempt = d.attempts() + 1;
        boolean last = attempt > properties.backoff().size();
        Duration wait = last ? Duration.ZERO : properties.backoff().get(attempt - 1);
        log.info("tenant webhook {} attempt {} failed: {}", d.id(), attempt, error);
        deliveries.attemptFailed(d.id(), attempt, error, now.plus(wait), last ? now : null);
    }
}
