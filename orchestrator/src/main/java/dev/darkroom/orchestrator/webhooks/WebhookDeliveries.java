package dev.darkroom.orchestrator.webhooks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** All the SQL that writes {@code tenant_webhook_delivery}: record, lease, renew, finish, purge. */
@Component
class WebhookDeliveries {

    private final JdbcClient jdbc;

    WebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A leased delivery; {@code leasedUntil} is the lease as stored, which only this round's lease matches. */
    record Due(UUID id, String url, String secret, String payload, int attempts, Instant leasedUntil) {}

    boolean subscribed(UUID tenantId) {
        return jdbc.sql("select webhook_url is not null from tenant where id = ?")
                .param(tenantId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    void record(UUID tenantId, String type, String payloadJson, Instant now) {
        jdbc.sql("""
                        insert into tenant_webhook_delivery (id, tenant_id, event_type, payload, next_attempt_at, created_at)
                        select ?, id, ?, cast(? as jsonb), ?, ? from tenant where id = ? and webhook_url is not null
                        """)
                .params(UUID.randomUUID(), type, payloadJson, Timestamp.from(now), Timestamp.from(now), tenantId)
                .update();
    }

    /** Due deliveries, oldest first, their next attempt pushed to {@code leaseUntil} so other senders skip them. */
    List<Due> lease(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                        update tenant_webhook_delivery d set next_attempt_at = :lease
                          from tenant t
                         where t.id = d.tenant_id
                           and d.id in (select id from tenant_webhook_delivery
                                         where delivered_at is null and failed_at is null and next_attempt_at <= :now
                                         order by next_attempt_at limit :batch for update skip locked)
                        returning d.id, t.webhook_url, t.webhook_secret, d.payload::text, d.attempts, d.next_attempt_at
                        """)
                .param("lease", Timestamp.from(leaseUntil))
                .param("now", Timestamp.from(now))
                .param("batch", limit)
                .query((rs, n) -> new Due(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** False when the lease is no longer the one this round set: another sender has the delivery now. */
    boolean renewLease(Due d, Instant leaseUntil) {
        return jdbc.sql("""
                                update tenant_webhook_delivery set next_attempt_at = ?
                                 where id = ? and next_attempt_at = ? and delivered_at is null and failed_at is null
                                """)
                        .params(Timestamp.from(leaseUntil), d.id(), Timestamp.from(d.leasedUntil()))
                        .update()
                == 1;
    }

    void delivered(UUID id, Instant now) {
        jdbc.sql("update tenant_webhook_delivery set delivered_at = ?, attempts = attempts + 1, last_error = null"
                        + " where id = ?")
                .params(Timestamp.from(now), id)
                .update();
    }

    /** Records a failed attempt: retried at {@code nextAttemptAt}, or given up when {@code failedAt} is set. */
    void attemptFailed(UUID id, int attempts, String error, Instant nextAttemptAt, Instant failedAt) {
        jdbc.sql("""
                        update tenant_webhook_delivery
                           set attempts = ?, last_error = ?, next_attempt_at = ?, failed_at = ?
                         where id = ?
                        """)
                .params(
                        attempts,
                        error,
                        Timestamp.from(nextAttemptAt),
                        failedAt == null ? null : Timestamp.from(failedAt),
                        id)
                .update();
    }

    int deleteFinishedBefore(Instant before) {
        return jdbc.sql("delete from tenant_webhook_delivery where coalesce(delivered_at, failed_at) < ?")
                .param(Timestamp.from(before))
                .update();
    }
}
