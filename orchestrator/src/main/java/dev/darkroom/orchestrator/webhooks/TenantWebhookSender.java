package dev.darkroom.orchestrator.webhooks;

import com.standardwebhooks.Webhook;
import dev.darkroom.orchestrator.scheduling.PollingLoop;
import dev.darkroom.support.net.ForbiddenUrlException;
import dev.darkroom.support.net.UrlGuard;
import dev.darkroom.support.tracing.TraceContexts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.java11.instrument.binder.jdk.MicrometerHttpClient;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
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
class TenantWebhookSender extends PollingLoop {

    private static final Logger log = LoggerFactory.getLogger(TenantWebhookSender.class);

    @Autowired
    TenantWebhookSender(
            JdbcClient jdbc,
            TransactionTemplate tx,
            Clock clock,
            TenantWebhookProperties properties,
            TenantWebhookMetrics metrics,
            TraceContexts traces,
            MeterRegistry meters,
            ObservationRegistry observations) {
        this(
                jdbc,
                tx,
                clock,
                properties,
                metrics,
                traces,
                // instrumented: the delivery is a span of the job's trace and carries traceparent to the tenant
                MicrometerHttpClient.instrumentationBuilder(
                                HttpClient.newBuilder()
                                        .connectTimeout(properties.timeout())
                                        .followRedirects(HttpClient.Redirect.NEVER)
                                        .build(),
                                meters)
                        .observationRegistry(observations)
                        .build());
    }

    private TenantWebhookSender(
            JdbcClient jdbc,
            TransactionTemplate tx,
            Clock clock,
            TenantWebhookProperties p,
            TenantWebhookMetrics metrics,
            TraceContexts traces,
            HttpClient http) {
        super("tenant-webhooks", p.interval(), () -> {
            Round round = new Round(jdbc, tx, clock, p, metrics, traces, http, new UrlGuard(p.allowedHosts()));
            return round(round);
        });
    }

    /** A leased delivery; {@code leasedUntil} is the lease as stored, which only this round's lease matches. */
    private record Due(
            UUID id,
            String url,
            String secret,
            String payload,
            int attempts,
            Instant leasedUntil,
            Instant createdAt,
            String trace) {}

    /** What a round works with. */
    private record Round(
            JdbcClient jdbc,
            TransactionTemplate tx,
            Clock clock,
            TenantWebhookProperties p,
            TenantWebhookMetrics metrics,
            TraceContexts traces,
            HttpClient http,
            UrlGuard guard) {}

    private static boolean round(Round r) {
        JdbcClient jdbc = r.jdbc();
        TransactionTemplate tx = r.tx();
        Clock clock = r.clock();
        TenantWebhookProperties p = r.p();
        Instant now = clock.instant();
        Duration lease = p.timeout().multipliedBy(3);
        List<Due> due = tx.execute(s -> jdbc.sql("""
                        update tenant_webhook_delivery d set next_attempt_at = :lease
                          from tenant t
                         where t.id = d.tenant_id
                           and d.id in (select id from tenant_webhook_delivery
                                         where delivered_at is null and failed_at is null and next_attempt_at <= :now
                                         order by next_attempt_at limit :batch for update skip locked)
                        returning d.id, t.webhook_url, t.webhook_secret, d.payload::text, d.attempts, d.next_attempt_at,
                                  d.created_at, d.trace_context::text
                        """)
                .param("lease", Timestamp.from(now.plus(lease)))
                .param("now", Timestamp.from(now))
                .param("batch", p.batchSize())
                .query((rs, n) -> new Due(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7).toInstant(),
                        rs.getString(8)))
                .list());
        if (due == null || due.isEmpty()) {
            return false;
        }
        for (Due d : due) {
            if (!renewLease(jdbc, d, clock.instant().plus(lease))) {
                log.debug("tenant webhook {} is no longer leased to this round; skipping it", d.id());
                continue;
            }
            String error = r.traces()
                    .callIn(
                            TraceContexts.fromJson(d.trace()),
                            "tenant webhook",
                            () -> deliver(d, clock, p, r.http(), r.guard()));
            tx.executeWithoutResult(s -> finish(jdbc, clock, p, d, error));
            if (error == null) {
                r.metrics().delivered(Duration.between(d.createdAt(), clock.instant()));
            } else {
                r.metrics().failed(d.attempts() + 1 > p.backoff().size());
            }
        }
        return due.size() == p.batchSize();
    }

    /** False when the lease is no longer the one this round set: another sender has the delivery now. */
    private static boolean renewLease(JdbcClient jdbc, Due d, Instant leaseUntil) {
        return jdbc.sql("""
                                update tenant_webhook_delivery set next_attempt_at = ?
                                 where id = ? and next_attempt_at = ? and delivered_at is null and failed_at is null
                                """)
                        .params(Timestamp.from(leaseUntil), d.id(), Timestamp.from(d.leasedUntil()))
                        .update()
                == 1;
    }

    /** Null when delivered, else why not. */
    private static String deliver(Due d, Clock clock, TenantWebhookProperties p, HttpClient http, UrlGuard guard) {
        if (d.url() == null) {
            return "the tenant has no webhook URL any more";
        }
        try {
            URI target = guard.check(d.url());
            long ts = clock.instant().getEpochSecond();
            String signature = new Webhook(d.secret()).sign(d.id().toString(), ts, d.payload());
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(target)
                            .timeout(p.timeout())
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

    private static void finish(JdbcClient jdbc, Clock clock, TenantWebhookProperties p, Due d, String error) {
        Instant now = clock.instant();
        if (error == null) {
            jdbc.sql(
                            "update tenant_webhook_delivery set delivered_at = ?, attempts = attempts + 1, last_error = null where id = ?")
                    .params(Timestamp.from(now), d.id())
                    .update();
            return;
        }
        int attempt = d.attempts() + 1;
        boolean last = attempt > p.backoff().size();
        Duration wait = last ? Duration.ZERO : p.backoff().get(attempt - 1);
        log.info("tenant webhook {} attempt {} failed: {}", d.id(), attempt, error);
        jdbc.sql("""
                        update tenant_webhook_delivery
                           set attempts = ?, last_error = ?, next_attempt_at = ?, failed_at = ?
                         where id = ?
                        """)
                .params(attempt, error, Timestamp.from(now.plus(wait)), last ? Timestamp.from(now) : null, d.id())
                .update();
    }
}
