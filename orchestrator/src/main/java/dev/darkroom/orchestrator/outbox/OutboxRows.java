package dev.darkroom.orchestrator.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** All the SQL that writes the {@code outbox} table: append, claim, mark sent or unclaimed, purge. */
@Component
class OutboxRows {

    private final JdbcClient jdbc;

    OutboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An unsent message, as claimed by a relay. */
    record Row(long id, String exchange, String routingKey, String type, String payload, String trace) {}

    /** {@code traceContext}: the W3C fields (JSON) the relay publishes under, or null. */
    void append(String exchange, String routingKey, String type, String payloadJson, Instant now, String traceContext) {
        jdbc.sql("insert into outbox (exchange, routing_key, message_type, payload, created_at, trace_context)"
                        + " values (?, ?, ?, cast(? as jsonb), ?, cast(? as jsonb))")
                .params(exchange, routingKey, type, payloadJson, Timestamp.from(now), traceContext)
                .update();
    }

    /** Reserves up to {@code limit} unsent, unclaimed messages until {@code claimUntil}, oldest first. */
    List<Row> claim(Instant now, Instant claimUntil, int limit) {
        return jdbc.sql("""
                        update outbox set claimed_until = ?
                         where id in (select id from outbox
                                       where published_at is null and (claimed_until is null or claimed_until < ?)
                                       order by id limit ? for update skip locked)
                        returning id, exchange, routing_key, message_type, payload::text, trace_context::text
                        """)
                .params(Timestamp.from(claimUntil), Timestamp.from(now), limit)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    void markSent(List<Long> ids, Instant now) {
        if (!ids.isEmpty()) {
            jdbc.sql("update outbox set published_at = :now where id in (:ids)")
                    .param("now", Timestamp.from(now))
                    .param("ids", ids)
                    .update();
        }
    }

    /** Gives claimed messages back at once, for the next round, when publishing them failed. */
    void unclaim(List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("update outbox set claimed_until = null where id in (:ids)")
                    .param("ids", ids)
                    .update();
        }
    }

    int deletePublishedBefore(Instant before) {
        return jdbc.sql("delete from outbox where published_at is not null and published_at < ?")
                .param(Timestamp.from(before))
                .update();
    }
}
