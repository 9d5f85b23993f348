package dev.darkroom.orchestrator.outbox;

import dev.darkroom.orchestrator.scheduling.Loop;
import dev.darkroom.orchestrator.scheduling.LoopRunner;
import dev.darkroom.support.amqp.ConfirmedPublisher;
import dev.darkroom.support.amqp.PublishFailedException;
import dev.darkroom.support.tracing.TraceContexts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows. A round claims a batch for a while (so several orchestrators share the work without
 * holding row locks across the network), publishes each with a confirm, then marks the confirmed ones sent. A
 * crash after publishing and before marking publishes again: consumers are idempotent, and at-least-once is the
 * promise.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxRows rows;
    private final TransactionTemplate tx;
    private final ConfirmedPublisher publisher;
    private final Clock clock;
    private final OutboxProperties properties;
    private final Loop loop;
    private final TraceContexts traces;

    OutboxRelay(
            OutboxRows rows,
            TransactionTemplate tx,
            ConfirmedPublisher publisher,
            Clock clock,
            OutboxProperties properties,
            TraceContexts traces,
            LoopRunner loops) {
        this.traces = traces;
        this.rows = rows;
        this.tx = tx;
        this.publisher = publisher;
        this.clock = clock;
        this.properties = properties;
        this.loop = loops.register("outbox-relay", properties.interval(), this::relayRound);
    }

    /** Publishes soon after the current transaction, which stored a message, commits. */
    void nudgeAfterCommit() {
        loop.nudgeAfterCommit();
    }

    /** One round: claim a batch, publish it in order, mark what the broker confirmed. True when a full batch went. */
    boolean relayRound() {
        Instant now = clock.instant();
        List<OutboxRows.Row> batch =
                tx.execute(s -> rows.claim(now, now.plus(properties.claimFor()), properties.batchSize()));
        if (batch == null || batch.isEmpty()) {
            return false;
        }
        List<Long> sent = new ArrayList<>();
        try {
            for (OutboxRows.Row row : batch.stream()
                    .sorted(Comparator.comparingLong(OutboxRows.Row::id))
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
            List<Long> unsent = batch.stream()
                    .map(OutboxRows.Row::id)
                    .filter(id -> !sent.contains(id))
                    .toList();
            tx.executeWithoutResult(s -> {
                rows.markSent(sent, clock.instant());
                rows.unclaim(unsent);
            });
        }
        return sent.size() == batch.size() && batch.size() == properties.batchSize();
    }
}
