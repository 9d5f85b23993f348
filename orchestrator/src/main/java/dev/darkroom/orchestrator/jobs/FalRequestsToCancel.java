package dev.darkroom.orchestrator.jobs;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * fal requests Darkroom no longer wants: duplicates from a worker that submitted twice, and requests of jobs
 * canceled before fal's answer reached us. The reconciler cancels them at fal. The only SQL that writes
 * {@code fal_request_to_cancel}.
 */
@Component
public class FalRequestsToCancel {

    private final JdbcClient jdbc;
    private final Clock clock;

    FalRequestsToCancel(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A fal request nobody wants any more.
     *
     * @param falRequestId fal's request id
     * @param cancelUrl where to cancel it, when known
     */
    public record Unwanted(String falRequestId, String cancelUrl) {}

    @Transactional(propagation = Propagation.MANDATORY)
    void add(String falRequestId, UUID jobId, String cancelUrl) {
        jdbc.sql("""
                        insert into fal_request_to_cancel (fal_request_id, job_id, cancel_url, created_at)
                        values (?, ?, ?, ?) on conflict do nothing
                        """)
                .params(falRequestId, jobId, cancelUrl, Timestamp.from(clock.instant()))
                .update();
    }

    /** The oldest requests still to cancel. */
    public List<Unwanted> pending(int limit) {
        return jdbc.sql("""
                        select fal_request_id, cancel_url from fal_request_to_cancel
                         where done_at is null order by created_at limit ?
                        """)
                .param(limit)
                .query((rs, n) -> new Unwanted(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** Records what fal said to the cancellation. */
    public void done(String falRequestId, String outcome, Instant now) {
        jdbc.sql("update fal_request_to_cancel set done_at = ?, outcome = ? where fal_request_id = ?")
                .params(Timestamp.from(now), outcome, falRequestId)
                .update();
    }
}
