package dev.darkroom.orchestrator.webhooks;

import dev.darkroom.orchestrator.api.Cursor;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Reads deliveries with their attempts, and puts them back in line (replay, recover); all scoped to the tenant. */
@Component
class DeliveryLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DeliveryLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** An endpoint's deliveries, newest first, after the cursor; {@code limit} of them at most. */
    List<DeliveryView> page(UUID endpointId, Cursor after, int limit) {
        List<DeliveryView> rows = jdbc.sql("""
                        select d.id, d.message_id, m.event_type, d.status, m.payload::text, d.created_at,
                               d.next_attempt_at, d.delivered_at, d.failed_at
                          from webhook_delivery d join webhook_message m on m.id = d.message_id
                         where d.endpoint_id = ? and (d.created_at, d.id) < (?, ?)
                         order by d.created_at desc, d.id desc
                         limit ?
                        """)
                .params(
                        endpointId,
                        Timestamp.from(after == null ? Instant.parse("9999-12-31T00:00:00Z") : after.at()),
                        after == null ? new UUID(-1L, -1L) : after.id(),
                        limit)
                .query((rs, n) -> new DeliveryView(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        json.readTree(rs.getString(5)),
                        WebhookEndpoints.instant(rs, "created_at"),
                        "pending".equals(rs.getString(4)) ? WebhookEndpoints.instant(rs, "next_attempt_at") : null,
                        WebhookEndpoints.instant(rs, "delivered_at"),
                        WebhookEndpoints.instant(rs, "failed_at"),
                        List.of()))
                .list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<UUID, List<DeliveryView.AttemptView>> attempts = jdbc
                .sql("""
                        select delivery_id, attempted_at, http_status, latency_ms, error from webhook_attempt
                         where delivery_id = any (cast(? as uuid[])) order by id
                        """)
                .param(rows.stream().map(r -> r.id().toString()).toArray(String[]::new))
                .query((rs, n) -> Map.entry(
                        rs.getObject(1, UUID.class),
                        new DeliveryView.AttemptView(
                                rs.getTimestamp(2).toInstant(),
                                (Integer) rs.getObject(3),
                                rs.getLong(4),
                                rs.getString(5))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return rows.stream()
                .map(r -> new DeliveryView(
                        r.id(),
                        r.webhookId(),
                        r.eventType(),
                        r.status(),
                        r.payload(),
                        r.createdAt(),
                        r.nextAttemptAt(),
                        r.deliveredAt(),
                        r.failedAt(),
                        attempts.getOrDefault(r.id(), List.of())))
                .toList();
    }

    /** The endpoint a delivery of this tenant went to, if there is such a delivery. */
    Optional<UUID> endpointOf(UUID tenantId, UUID deliveryId) {
        return jdbc.sql("""
                        select d.endpoint_id from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
                         where d.id = ? and e.tenant_id = ?
                        """).params(deliveryId, tenantId).query(UUID.class).optional();
    }

    /** Sends a delivery again, now, from the start of the retry schedule, with the same message id. */
    void replay(UUID deliveryId, Instant now) {
        jdbc.sql("""
                        update webhook_delivery
                           set status = 'pending', tries = 0, next_attempt_at = ?, delivered_at = null, failed_at = null
                         where id = ?
                        """).params(Timestamp.from(now), deliveryId).update();
        WebhookWakeup.notifyOnCommit(jdbc);
    }

    /** Sends again every delivery of the endpoint that failed and was created at or after {@code since}. */
    int recover(UUID endpointId, Instant since, Instant now) {
        int n = jdbc.sql("""
                        update webhook_delivery
                           set status = 'pending', tries = 0, next_attempt_at = ?, failed_at = null
                         where endpoint_id = ? and status = 'failed' and created_at >= ?
                        """)
                .params(Timestamp.from(now), endpointId, Timestamp.from(since))
                .update();
        if (n > 0) {
            WebhookWakeup.notifyOnCommit(jdbc);
        }
        return n;
    }
}
