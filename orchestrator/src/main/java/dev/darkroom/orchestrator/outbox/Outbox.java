package dev.darkroom.orchestrator.outbox;

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

    Outbox(JdbcClient jdbc, Clock clock, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.relay = relay;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String exchange, String routingKey, Object message) {
        jdbc.sql("insert into outbox (exchange, routing_key, message_type, payload, created_at)"
                        + " values (?, ?, ?, cast(? as jsonb), ?)")
                .params(
                        exchange,
                        routingKey,
                        message.getClass().getName(),
                        MESSAGES.writeValueAsString(message),
                        Timestamp.from(clock.instant()))
                .update();
        relay.nudgeAfterCommit();
    }
}
