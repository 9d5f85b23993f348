package dev.darkroom.orchestrator.reconcile;

import dev.darkroom.contracts.catalog.ModelKind;
import dev.darkroom.contracts.jobs.JobStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The reconciler's SQL. */
@Component
class ReconcilerQueries {

    private final JdbcClient jdbc;

    ReconcilerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Due jobs, leased until {@code leaseUntil} so other replicas skip them while this one looks. */
    List<DueJob> leaseDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                        update job j set next_check_at = :lease
                         where j.id in (select id from job
                                         where status in ('dispatched', 'submitted', 'running') and next_check_at <= :now
                                         order by next_check_at limit :limit for update skip locked)
                        returning j.id, j.status, j.fal_request_id, j.fal_status_url, j.fal_response_url, j.fal_cancel_url,
                                  j.cancel_requested_at, j.dispatch_attempts,
                                  (select t.at from job_transition t
                                    where t.job_id = j.id and t.to_status = 'submitted' order by t.id limit 1),
                                  j.kind, j.next_check_at
                        """)
                .param("lease", Timestamp.from(leaseUntil))
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, n) -> new DueJob(
                        rs.getObject(1, UUID.class),
                        JobStatus.fromApiName(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        instant(rs.getTimestamp(7)),
                        rs.getInt(8),
                        instant(rs.getTimestamp(9)),
                        ModelKind.valueOf(rs.getString(10).toUpperCase(java.util.Locale.ROOT)),
                        instant(rs.getTimestamp(11))))
                .list();
    }

    /**
     * Extends this round's lease on a job just before it is looked at. False when the lease is no longer the one
     * this round set: it ran out and another round leased the job, or the job moved on (submitted, finished,
     * cancel requested); that round, or the next, looks at it instead.
     */
    boolean renewLease(DueJob job, Instant leaseUntil) {
        return jdbc.sql("update job set next_check_at = ? where id = ? and next_check_at = ?")
                        .params(Timestamp.from(leaseUntil), job.id(), Timestamp.from(job.leasedUntil()))
                        .update()
                == 1;
    }

    /**
     * Schedules the next look. A cancellation requested while this look was under way set an earlier time, which
     * stays: the tenant's cancel is acted on at once, not after the next poll interval.
     */
    void checkAgainAt(UUID jobId, Instant at) {
        jdbc.sql("""
                        update job set next_check_at = case when cancel_requested_at is not null
                                                            then least(next_check_at, :at) else :at end
                         where id = :id and status in ('dispatched', 'submitted', 'running')
                        """).param("at", Timestamp.from(at)).param("id", jobId).update();
    }

    /**
     * A fal request nobody wants any more.
     *
     * @param falRequestId fal's request id
     * @param cancelUrl where to cancel it, when known
     */
    record Unwanted(String falRequestId, String cancelUrl) {}

    List<Unwanted> unwanted(int limit) {
        return jdbc.sql("""
                        select fal_request_id, cancel_url from fal_request_to_cancel
                         where done_at is null order by created_at limit ?
                        """)
                .param(limit)
                .query((rs, n) -> new Unwanted(rs.getString(1), rs.getString(2)))
                .list();
    }

    void unwantedDone(String falRequestId, String outcome, Instant now) {
        jdbc.sql("update fal_request_to_cancel set done_at = ?, outcome = ? where fal_request_id = ?")
                .params(Timestamp.from(now), outcome, falRequestId)
                .update();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
