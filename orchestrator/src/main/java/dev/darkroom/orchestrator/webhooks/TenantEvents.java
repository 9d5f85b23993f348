package dev.darkroom.orchestrator.webhooks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records an event for a tenant's webhook endpoints in the transaction of the change it announces: one message,
 * and one delivery of it to each enabled endpoint whose filter takes its type. A tenant with no such endpoint gets
 * nothing, and the event's data is never built. The payload follows Standard Webhooks: {@code {type, timestamp,
 * data}}. The transaction also notifies {@link WebhookWakeup#CHANNEL}, which Postgres delivers to every replica's
 * sender when (and only if) it commits.
 */
@Component
public class TenantEvents {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    TenantEvents(JdbcClient jdbc, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(UUID tenantId, String type, Supplier<?> data) {
        boolean subscribed =
                jdbc.sql("""
                        select exists (select 1 from webhook_endpoint
                                        where tenant_id = ? and enabled and (event_types is null or ? = any(event_types)))
                        """).params(tenantId, type).query(Boolean.class).single();
        if (!subscribed) {
            return;
        }
        Instant now = clock.instant();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("timestamp", now.toString());
        payload.put("data", data.get());
        UUID message = UUID.randomUUID();
        jdbc.sql("""
                        insert into webhook_message (id, tenant_id, event_type, payload, created_at)
                        values (?, ?, ?, cast(? as jsonb), ?)
                        """)
                .params(message, tenantId, type, json.writeValueAsString(payload), Timestamp.from(now))
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
}
