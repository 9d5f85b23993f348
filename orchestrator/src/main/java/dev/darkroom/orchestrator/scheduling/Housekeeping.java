package dev.darkroom.orchestrator.scheduling;

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
 * past their promised lifetime ({@link IdempotencyKeys#KEEP}), request counters once their minute can no longer
 * count, published outbox messages after a day, and tenant webhook messages (with their deliveries and attempts) from more than a week
 * ago that are not pending anywhere. Jobs, their
 * history and the ledger are kept.
 */
@Component
class Housekeeping extends PollingLoop {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    Housekeeping(JdbcClient jdbc, Clock clock) {
        super("housekeeping", Duration.ofMinutes(10), () -> {
            Instant now = clock.instant();
            int keys =
                    delete(jdbc, "delete from idempotency_key where created_at < ?", now.minus(IdempotencyKeys.KEEP));
            int windows =
                    delete(jdbc, "delete from rate_window where window_start < ?", now.minus(Duration.ofMinutes(10)));
            int outbox = delete(
                    jdbc,
                    "delete from outbox where published_at is not null and published_at < ?",
                    now.minus(Duration.ofDays(1)));
            int webhooks = delete(
                    jdbc,
                    // a message goes with its deliveries and their attempts; one still pending somewhere stays
                    """
                    delete from webhook_message m where m.created_at < ?
                       and not exists (select 1 from webhook_delivery d where d.message_id = m.id and d.status = 'pending')
                    """,
                    now.minus(Duration.ofDays(7)));
            if (keys + windows + outbox + webhooks > 0) {
                log.info(
                        "housekeeping deleted {} idempotency keys, {} rate windows, {} outbox rows, {} webhook messages",
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
