package dev.darkroom.orchestrator.outbox;

import dev.darkroom.orchestrator.scheduling.PollingLoop;
import dev.darkroom.support.amqp.ConfirmedPublisher;
import dev.darkroom.support.amqp.PublishFailedException;
import dev.darkroom.support.tracing.TraceContexts;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows. A round claims a batch for a while (so several orchestrators share the work without
 * holding row locks across the network), publishes each with a confirm, then marks the confirmed ones sent. A
 * crash after publishing and before marking publishes again: consumers are idempotent, and at-least-once is the
 * promise.
 */
@Component
public class OutboxRelay extends PollingLoop {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    OutboxRelay(
            JdbcClient jdbc,
            TransactionTemplate tx,
            ConfirmedPublisher publisher,
            TraceContexts traces,
            Clock clock,
            OutboxProperties properties) {
        super("outbox-relay", properties.interval(), () -> round(jdbc, tx, publisher, traces, clock, properties));
    }

    private record Row(long id, String exchange, String routingKey, String type, String payload, String trace) {}

    private static boolean round(
            JdbcClient jdbc,
            TransactionTemplate tx,
            ConfirmedPublisher publisher,
            TraceContexts traces,
            Clock clock,
            OutboxProperties p) {
        Instant now = clock.instant();
        List<Row> batch = tx.execute(status -> jdbc.sql("""
                        update outbox set claimed_until = ?
                         where id in (select id from outbox
                                       where published_at is null and (claimed_until is null or claimed_until < ?)
                                       order by id limit ? for update skip locked)
                        returning id, exchange, routing_key, message_type, payload::text, trace_context::text
                        """)
                .params(Timestamp.from(now.plus(p.claimFor())), Timestamp.from(now), p.batchSize())
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list());
        if (batch == null || batch.isEmpty()) {
            return false;
        }
        List<Long> sent = new ArrayList<>();
        try {
            for (Row row : batch.stream()
                    .sorted((a, b) -> Long.compare(a.id(), b.id()))
                    .toList()) {
                // published as part of the trace that wrote the row; the template adds traceparent to the message
                traces.runIn(
                        TraceContexts.fromJson(row.trace()),
                        "outbox publish",
                        () -> publisher.publishJson(
                                row.exchange(),
                                row.routingKey(),
                                row.type(),
                                row.payload().getBytes(StandardCharsets.UTF_8),
                                "outbox-" + row.id()));
                sent.add(row.id());
            }
        } catch (PublishFailedException e) {
            log.warn("outbox publish failed after {} of {} messages; retrying the rest", sent.size(), batch.size(), e);
        } finally {
            List<Long> unsent =
                    batch.stream().map(Row::id).filter(id -> !sent.contains(id)).toList();
            tx.executeWithoutResult(status -> {
                if (!sent.isEmpty()) {
                    jdbc.sql("update outbox set published_at = :now where id in (:ids)")
                            .param("now", Timestamp.from(clock.instant()))
                            .param("ids", sent)
                            .update();
                }
                if (!unsent.isEmpty()) {
                    jdbc.sql("update outbox set claimed_until = null where id in (:ids)")
                            .param("ids", unsent)
                            .update();
                }
            });
        }
        return sent.size() == batch.size() && batch.size() == p.batchSize();
    }
}
