package dev.darkroom.orchestrator.webhooks;

import dev.darkroom.support.tracing.TraceContexts;
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
 * Records an event for a tenant's webhook endpoint in the transaction of the change it announces. Tenants without
 * a webhook URL get nothing, and their event's data is never built. The payload follows Standard Webhooks:
 * {@code {type, timestamp, data}}.
 */
@Component
public class TenantEvents {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;
    private final TraceContexts traces;

    TenantEvents(JdbcClient jdbc, Clock clock, JsonMapper json, TraceContexts traces) {
        this.traces = traces;
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(UUID tenantId, String type, Supplier<?> data) {
        boolean subscribed = jdbc.sql("select webhook_url is not null from tenant where id = ?")
                .param(tenantId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
        if (!subscribed) {
            return;
        }
        Instant now = clock.instant();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("timestamp", now.toString());
        payload.put("data", data.get());
        jdbc.sql("""
                        insert into tenant_webhook_delivery
                               (id, tenant_id, event_type, payload, next_attempt_at, created_at, trace_context)
                        select ?, id, ?, cast(? as jsonb), ?, ?, cast(? as jsonb)
                          from tenant where id = ? and webhook_url is not null
                        """)
                .params(
                        UUID.randomUUID(),
                        type,
                        json.writeValueAsString(payload),
                        Timestamp.from(now),
                        Timestamp.from(now),
                        traces.currentJson(),
                        tenantId)
                .update();
    }
}
