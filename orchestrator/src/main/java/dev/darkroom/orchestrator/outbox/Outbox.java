package dev.darkroom.orchestrator.outbox;

import dev.darkroom.orchestrator.scheduling.Purge;
import dev.darkroom.support.tracing.TraceContexts;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores a message to publish; must run inside the transaction of the change that causes it. Published messages
 * are purged after {@code darkroom.outbox.keep-published}.
 */
@Component
public class Outbox implements Purge {

    /** Serialises like the broker's message converter: the records' own (camelCase) names. */
    private static final JsonMapper MESSAGES = JsonMapper.builder().build();

    private final OutboxRows rows;
    private final TraceContexts traces;
    private final Clock clock;
    private final OutboxRelay relay;
    private final OutboxProperties properties;

    Outbox(OutboxRows rows, Clock clock, OutboxRelay relay, OutboxProperties properties, TraceContexts traces) {
        this.traces = traces;
        this.rows = rows;
        this.clock = clock;
        this.relay = relay;
        this.properties = properties;
    }

    /** Appends the message under the current trace: the relay publishes it as part of that trace. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String exchange, String routingKey, Object message) {
        append(exchange, routingKey, message, traces.currentJson());
    }

    /** Appends the message under a stored trace context, such as a job's when the dispatcher's round writes it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String exchange, String routingKey, Object message, String traceContext) {
        rows.append(
                exchange,
                routingKey,
                message.getClass().getName(),
                MESSAGES.writeValueAsString(message),
                clock.instant(),
                traceContext);
        relay.nudgeAfterCommit();
    }

    @Override
    public String rows() {
        return "outbox rows";
    }

    @Override
    public int purge(Instant now) {
        return rows.deletePublishedBefore(now.minus(properties.keepPublished()));
    }
}
