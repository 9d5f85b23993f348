package dev.darkroom.orchestrator.jobs;

import dev.darkroom.contracts.catalog.ModelKind;
import dev.darkroom.contracts.jobs.JobStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When the reconciler next looks at a job ({@code job.next_check_at}), and its lease on the look: the only SQL
 * outside the {@link Job} entity that writes the {@code job} table. It touches no state, only the schedule.
 */
@Component
public class JobChecks {

    private static final String[] IN_FLIGHT = JobStatus.apiNames(JobStatus.IN_FLIGHT);

    private final JdbcClient jdbc;

    JobChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Due jobs, leased until {@code leaseUntil} so other replicas skip them while this one looks. */
    public List<DueJob> leaseDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                        update job j set next_check_at = :lease
                         where j.id in (select id from job
                                         where status = any(:inFlight) and next_check_at <= :now
                                         order by next_check_at limit :limit for update skip locked)
                        returning j.id, j.status, j.fal_request_id, j.fal_status_url, j.fal_response_url, j.fal_cancel_url,
                                  j.cancel_requested_at, j.dispatch_attempts,
                                  (select t.at from job_transition t
                                    where t.job_id = j.id and t.to_status = 'submitted' order by t.id limit 1),
                                  j.kind, j.next_check_at
                        """)
                .param("lease", Timestamp.from(leaseUntil))
                .param("inFlight", IN_FLIGHT)
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
                        ModelKind.valueOf(rs.getString(10).toUpperCase(Locale.ROOT)),
                        instant(rs.getTimestamp(11))))
                .list();
    }

    /**
     * Extends this round's lease on a job just before it is looked at. False when the lease is no longer the one
     * this round set: it ran out and another round leased the job, or the job moved on (submitted, finished,
     * cancel requested); that round, or the next, looks at it instead.
     */
    public boolean renewLease(DueJob job, Instant leaseUntil) {
        return jdbc.sql("update job set next_check_at = ? where id = ? and next_check_at = ?")
                        .params(Timestamp.from(leaseUntil), job.id(), Timestamp.from(job.leasedUntil()))
                        .update()
                == 1;
    }

    /**
     * Schedules the next look. A cancellation requested while this look was under way set an earlier time, which
     * stays: the tenant's cancel is acted on at once, not after the next poll interval.
     */
    public void checkAgainAt(UUID jobId, Instant at) {
        jdbc.sql("""
                        update job set next_check_at = case when cancel_requested_at is not null
                                                            then least(next_check_at, :at) else :at end
                         where id = :id and status = any(:inFlight)
                        """)
                .param("at", Timestamp.from(at))
                .param("id", jobId)
                .param("inFlight", IN_FLIGHT)
                .update();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
