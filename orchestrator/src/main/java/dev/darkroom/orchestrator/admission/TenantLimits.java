package dev.darkroom.orchestrator.admission;

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

/** The SQL admission runs: the tenant lock with its effective quota, the rate window, the count of open jobs. */
@Component
class TenantLimits {

    private final JdbcClient jdbc;

    TenantLimits(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
                        select t.status = 'active',
                               coalesce(t.monthly_budget_usd, p.monthly_budget_usd),
                               coalesce(t.alert_thresholds_pct, p.alert_thresholds_pct),
                               coalesce(t.max_queued_jobs, p.max_queued_jobs),
                               coalesce(t.requests_per_minute, p.requests_per_minute),
                               coalesce(t.allowed_models, p.allowed_models)
                          from tenant t join plan p on p.id = t.plan_id
                         where t.id = ?
                           for update of t
                        """)
                .param(tenantId)
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
     * Counts this request in its minute and returns the sliding-window estimate of requests in the last 60 s:
     * this minute's count plus the previous minute's, weighted by how much of it the window still covers.
     */
    RateWindow countRequest(UUID tenantId, Instant now) {
        Instant minute = Instant.ofEpochSecond(now.getEpochSecond() / 60 * 60);
        int current = jdbc.sql("""
                        insert into rate_window (tenant_id, window_start, requests) values (?, ?, 1)
                        on conflict (tenant_id, window_start) do update set requests = rate_window.requests + 1
                        returning requests
                        """)
                .params(tenantId, Timestamp.from(minute))
                .query(Integer.class)
                .single();
        int previous = jdbc.sql("select requests from rate_window where tenant_id = ? and window_start = ?")
                .params(tenantId, Timestamp.from(minute.minusSeconds(60)))
                .query(Integer.class)
                .optional()
                .orElse(0);
        return new RateWindow(minute, now, current, previous);
    }

    /** Jobs of the tenant not yet finished: waiting in Darkroom or at fal. */
    int openJobs(UUID tenantId) {
        return jdbc.sql("""
                        select count(*) from job
                         where tenant_id = ? and status in ('accepted', 'queued', 'dispatched', 'submitted', 'running')
                        """).param(tenantId).query(Integer.class).single();
    }

    private static List<Integer> integers(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Integer[]) array.getArray());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }
}
