package dev.darkroom.orchestrator.outbox;

import dev.darkroom.support.tracing.TraceContexts;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Stores a message to publish; must run inside the transaction of the change that causes it. */
@Component
public class Outbox {

    /** Serialises like the broker's message converter: the records' own (camelCase) names. */
    private static final JsonMapper MESSAGES = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final OutboxRelay relay;
    private final TraceContexts traces;

    Outbox(JdbcClient jdbc, Clock clock, OutboxRelay relay, TraceContexts traces) {
        this.traces = traces;
        this.jdbc = jdbc;
        this.clock = clock;
        this.relay = relay;
    }

    /** Appends the message under the current trace: the relay publishes it as part of the same trace. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String exchange, String routingKey, Object message) {
        append(exchange, routingKey, message, traces.currentJson());
    }

    /**
     * Appends the message under a stored trace context, such as a job's when a background round (the dispatcher)
     * writes it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String exchange, String routingKey, Object message, String traceContext) {
        jdbc.sql("insert into outbox (exchange, routing_key, message_type, payload, created_at, trace_context)"
                        + " values (?, ?, ?, cast(? as jsonb), ?, cast(? as jsonb))")
                .params(
                        exchange,
                        routingKey,
                        message.getClass().getName(),
                        MESSAGES.writeValueAsString(message),
                        Timestamp.from(clock.instant()),
                        traceContext)
                .update();
        relay.nudgeAfterCommit();
    }
}
