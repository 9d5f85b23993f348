package dev.darkroom.orchestrator.events;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads job events in id order, only those no still-open transaction can precede. */
@Component
class JobEventLog {

    /**
     * One event.
     *
     * @param id its monotonic id, the SSE {@code id:}
     * @param jobId the job
     * @param type such as {@code job.queued}
     */
    record StoredEvent(long id, UUID jobId, String type) {}

    private final JdbcClient jdbc;

    JobEventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The tenant's events after {@code afterId}, of one job when {@code jobId} is set; ids below the snapshot's xmin
     * horizon only, since a transaction still open may yet commit a lower id than one already visible.
     */
    List<StoredEvent> after(UUID tenantId, UUID jobId, long afterId, int limit) {
        String sql = jobId == null
                ? "select id, job_id, type from job_event where tenant_id = :tenant and id > :after"
                : "select id, job_id, type from job_event where job_id = :job and tenant_id = :tenant and id > :after";
        var statement = jdbc.sql(sql + " and xid < pg_snapshot_xmin(pg_current_snapshot()) order by id limit :limit")
                .param("tenant", tenantId)
                .param("after", afterId)
                .param("limit", limit);
        if (jobId != null) {
            statement = statement.param("job", jobId);
        }
        return statement
                .query((rs, n) -> new StoredEvent(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3)))
                .list();
    }
}
