package dev.darkroom.orchestrator.admission;

import dev.darkroom.contracts.jobs.JobStatus;
import dev.darkroom.orchestrator.scheduling.Purge;
import dev.darkroom.orchestrator.tenants.TenantStatus;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL admission runs: the tenant lock with its effective quota, the rate window, the count of open jobs; a
 * read-only look at the rate window for the tenant's quota view; and the purge of spent rate windows. The only code
 * that writes {@code rate_window}.
 */
@Component
class TenantLimits implements Purge {

    private final JdbcClient jdbc;
    private final AdmissionProperties properties;

    TenantLimits(JdbcClient jdbc, AdmissionProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * A tenant's effective quota, read under a row lock held to the end of the transaction.
     *
     * @param active whether the tenant may submit jobs
     * @param budgetUsd monthly budget
     * @param thresholdsPct budget alert thresholds
     * @param maxQueuedJobs unfinished jobs allowed
     * @param requestsPerMinute submissions allowed per minute
     * @param allowedModels model ids allowed, or null for all
     */
    record Locked(
            boolean active,
            BigDecimal budgetUsd,
            List<Integer> thresholdsPct,
            int maxQueuedJobs,
            int requestsPerMinute,
            List<String> allowedModels) {}

    Optional<Locked> lock(UUID tenantId) {
        return jdbc.sql("""
                        select t.status = ?,
                               coalesce(t.monthly_budget_usd, p.monthly_budget_usd),
                               coalesce(t.alert_thresholds_pct, p.alert_thresholds_pct),
                               coalesce(t.max_queued_jobs, p.max_queued_jobs),
                               coalesce(t.requests_per_minute, p.requests_per_minute),
                               coalesce(t.allowed_models, p.allowed_models)
                          from tenant t join plan p on p.id = t.plan_id
                         where t.id = ?
                           for update of t
                        """)
                .params(TenantStatus.ACTIVE.apiName(), tenantId)
                .query((rs, n) -> new Locked(
                        rs.getBoolean(1),
                        rs.getBigDecimal(2),
                        integers(rs.getArray(3)),
                        rs.getInt(4),
                        rs.getInt(5),
                        strings(rs.getArray(6))))
                .optional();
    }

    /**
     * What admission weighs a request against, read in one round trip under the tenant lock.
     *
     * @param rate the sliding requests-per-minute window, this request counted
     * @param openJobs the tenant's unfinished jobs
     */
    record Usage(RateWindow rate, int openJobs) {}

    /**
     * Counts this request in its minute and reads the sliding-window estimate of the last 60 s (this minute's count
     * plus the previous minute's, weighted by how much of it the window still covers) and the open jobs.
     */
    Usage countRequest(UUID tenantId, Instant now) {
        Instant minute = minuteOf(now);
        return jdbc.sql("""
                        with counted as (
                            insert into rate_window (tenant_id, window_start, requests) values (:tenant, :minute, 1)
                            on conflict (tenant_id, window_start) do update set requests = rate_window.requests + 1
                            returning requests)
                        select (select requests from counted),
                               coalesce((select requests from rate_window
                                          where tenant_id = :tenant and window_start = :previous), 0),
                               (select count(*) from job where tenant_id = :tenant and status = any(:unfinished))
                        """)
                .param("tenant", tenantId)
                .param("unfinished", JobStatus.apiNames(JobStatus.UNFINISHED))
                .param("minute", Timestamp.from(minute))
                .param("previous", Timestamp.from(minute.minusSeconds(60)))
                .query((rs, n) -> new Usage(new RateWindow(minute, now, rs.getInt(1), rs.getInt(2)), rs.getInt(3)))
                .single();
    }

    /** The sliding requests-per-minute window at {@code now}, without counting a request. */
    RateWindow window(UUID tenantId, Instant now) {
        Instant minute = minuteOf(now);
        return jdbc.sql("""
                        select coalesce(max(requests) filter (where window_start = :minute), 0),
                               coalesce(max(requests) filter (where window_start = :previous), 0)
                          from rate_window where tenant_id = :tenant and window_start in (:minute, :previous)
                        """)
                .param("tenant", tenantId)
                .param("minute", Timestamp.from(minute))
                .param("previous", Timestamp.from(minute.minusSeconds(60)))
                .query((rs, n) -> new RateWindow(minute, now, rs.getInt(1), rs.getInt(2)))
                .single();
    }

    @Override
    public String rows() {
        return "rate windows";
    }

    @Override
    public int purge(Instant now) {
        return jdbc.sql("delete from rate_window where window_start < ?")
                .param(Timestamp.from(now.minus(properties.rateWindowKeep())))
                .update();
    }

    private static Instant minuteOf(Instant now) {
        return Instant.ofEpochSecond(now.getEpochSecond() / 60 * 60);
    }

    private static List<Integer> integers(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Integer[]) array.getArray());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }
}
