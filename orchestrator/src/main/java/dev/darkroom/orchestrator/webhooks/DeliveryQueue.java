package dev.darkroom.orchestrator.webhooks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL that writes messages and deliveries: recording them, and the sender's leases and outcomes. A pending delivery is leased by moving its {@code next_attempt_at}
 * past the attempt's deadline (a crashed sender's lease runs out and another takes it); an attempt's outcome is
 * written only while that lease is still the one stored, so a delivery replayed or taken over meanwhile is not
 * overwritten. "0 rows updated" is such a lost race, not an error.
 */
@Component
class DeliveryQueue {

    /**
     * A leased delivery with the message it posts; {@code leasedUntil} is the lease as stored, which only this
     * claim's lease matches.
     */
    record Claimed(UUID id, UUID messageId, UUID endpointId, int tries, Instant leasedUntil, String payload) {}

    private final JdbcClient jdbc;

    DeliveryQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether any enabled endpoint of the tenant takes this event type. */
    boolean subscribed(UUID tenantId, String type) {
        return jdbc.sql("""
                        select exists (select 1 from webhook_endpoint
                                        where tenant_id = ? and enabled and (event_types is null or ? = any(event_types)))
                        """).params(tenantId, type).query(Boolean.class).single();
    }

    /**
     * Records one message and a delivery of it to each enabled endpoint of the tenant whose filter takes its type,
     * and notifies {@link WebhookWakeup#CHANNEL}, which Postgres sends to every replica when (and only if) the
     * transaction commits.
     */
    void record(UUID tenantId, String type, String payloadJson, Instant now) {
        UUID message = UUID.randomUUID();
        jdbc.sql("""
                        insert into webhook_message (id, tenant_id, event_type, payload, created_at)
                        values (?, ?, ?, cast(? as jsonb), ?)
                        """)
                .params(message, tenantId, type, payloadJson, Timestamp.from(now))
                .update();
        jdbc.sql("""
                        insert into webhook_delivery (id, message_id, endpoint_id, status, next_attempt_at, created_at)
                        select gen_random_uuid(), ?, id, 'pending', ?, ? from webhook_endpoint
                         where tenant_id = ? and enabled and (event_types is null or ? = any(event_types))
                        """)
                .params(message, Timestamp.from(now), Timestamp.from(now), tenantId, type)
                .update();
        WebhookWakeup.notifyOnCommit(jdbc);
    }

    /** Deletes messages (with their deliveries and attempts) from before then that are pending nowhere. */
    int deleteFinishedBefore(Instant before) {
        return jdbc.sql("""
                        delete from webhook_message m where m.created_at < ?
                           and not exists (select 1 from webhook_delivery d where d.message_id = m.id and d.status = 'pending')
                        """).param(Timestamp.from(before)).update();
    }

    /**
     * Leases up to {@code batch} due deliveries of enabled endpoints, oldest due first, at most {@code perEndpoint}
     * of one endpoint, none of the {@code busy} ones: an endpoint with a backlog cannot fill the batch.
     */
    List<Claimed> claim(Instant now, Instant leaseUntil, int batch, int perEndpoint, Collection<UUID> busy) {
        return jdbc.sql("""
                        with ranked as (
                            select d.id, d.next_attempt_at,
                                   row_number() over (partition by d.endpoint_id order by d.next_attempt_at) as rn
                              from webhook_delivery d
                              join webhook_endpoint e on e.id = d.endpoint_id
                             where d.status = 'pending' and d.next_attempt_at <= :now and e.enabled
                               and d.endpoint_id <> all (cast(:busy as uuid[]))
                        ), picked as (
                            select id from ranked where rn <= :per order by next_attempt_at limit :batch
                        )
                        update webhook_delivery d set next_attempt_at = :lease
                         where d.id in (select id from webhook_delivery
                                         where id in (select id from picked)
                                           and status = 'pending' and next_attempt_at <= :now
                                           for update skip locked)
                        returning d.id, d.message_id, d.endpoint_id, d.tries, d.next_attempt_at,
                                  (select m.payload::text from webhook_message m where m.id = d.message_id)
                        """)
                .param("now", Timestamp.from(now))
                .param("lease", Timestamp.from(leaseUntil))
                .param("per", perEndpoint)
                .param("batch", batch)
                .param("busy", busy.stream().map(UUID::toString).toArray(String[]::new))
                .query((rs, n) -> new Claimed(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getInt(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6)))
                .list();
    }

    /** Hands a leased delivery back, due at once, when this replica cannot attempt it after all. */
    void release(Claimed c, Instant now) {
        jdbc.sql(
                        "update webhook_delivery set next_attempt_at = ? where id = ? and next_attempt_at = ? and status = 'pending'")
                .params(Timestamp.from(now), c.id(), Timestamp.from(c.leasedUntil()))
                .update();
    }

    void recordAttempt(UUID deliveryId, Instant at, Integer httpStatus, long latencyMs, String error) {
        jdbc.sql("""
                        insert into webhook_attempt (delivery_id, attempted_at, http_status, latency_ms, error)
                        values (?, ?, ?, ?, ?)
                        """)
                .params(deliveryId, Timestamp.from(at), httpStatus, latencyMs, error)
                .update();
    }

    boolean delivered(Claimed c, Instant now) {
        return jdbc.sql("""
                                update webhook_delivery set status = 'delivered', delivered_at = ?, tries = tries + 1
                                 where id = ? and next_attempt_at = ? and status = 'pending'
                                """)
                        .params(Timestamp.from(now), c.id(), Timestamp.from(c.leasedUntil()))
                        .update()
                == 1;
    }

    boolean retryAt(Claimed c, Instant next) {
        return jdbc.sql("""
                                update webhook_delivery set next_attempt_at = ?, tries = tries + 1
                                 where id = ? and next_attempt_at = ? and status = 'pending'
                                """)
                        .params(Timestamp.from(next), c.id(), Timestamp.from(c.leasedUntil()))
                        .update()
                == 1;
    }

    boolean failed(Claimed c, Instant now) {
        return jdbc.sql("""
                                update webhook_delivery set status = 'failed', failed_at = ?, tries = tries + 1
                                 where id = ? and next_attempt_at = ? and status = 'pending'
                                """)
                        .params(Timestamp.from(now), c.id(), Timestamp.from(c.leasedUntil()))
                        .update()
                == 1;
    }
}
