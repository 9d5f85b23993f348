package dev.darkroom.orchestrator.scheduling;

import dev.darkroom.orchestrator.admission.AdmissionProperties;
import dev.darkroom.orchestrator.admission.IdempotencyKeys;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes rows that only matter for a while, so the tables Darkroom reads per request stay small: idempotency keys
 * past their promised lifetime ({@link IdempotencyKeys#KEEP}), admitted requests once no request the rate limit
 * still judges can reach back to them, published outbox messages after a day, and tenant webhook deliveries that ended a week ago. Jobs, their
 * history and the ledger are kept.
 */
@Component
class Housekeeping extends PollingLoop {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    Housekeeping(JdbcClient jdbc, Clock clock, AdmissionProperties admission) {
        super("housekeeping", Duration.ofMinutes(10), () -> {
            Instant now = clock.instant();
            int keys =
                    delete(jdbc, "delete from idempotency_key where created_at < ?", now.minus(IdempotencyKeys.KEEP));
            int windows = delete(
                    jdbc,
                    "delete from rate_admission where admitted_at < ?",
                    now.minus(admission.requestTimeMaxAge()).minus(Duration.ofMinutes(1)));
            int outbox = delete(
                    jdbc,
                    "delete from outbox where published_at is not null and published_at < ?",
                    now.minus(Duration.ofDays(1)));
            int webhooks = delete(
                    jdbc,
                    "delete from tenant_webhook_delivery where coalesce(delivered_at, failed_at) < ?",
                    now.minus(Duration.ofDays(7)));
            if (keys + windows + outbox + webhooks > 0) {
                log.info(
                        "housekeeping deleted {} idempotency keys, {} admitted requests, {} outbox rows, {} webhook deliveries",
                        keys,
                        windows,
                        outbox,
                        webhooks);
            }
            return false;
        });
    }

    private static int delete(JdbcClient jdbc, String sql, Instant before) {
        return jdbc.sql(sql).param(Timestamp.from(before)).update();
    }
}
