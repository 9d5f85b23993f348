package dev.darkroom.orchestrator.admission;

import dev.darkroom.contracts.jobs.JobStatus;
import dev.darkroom.orchestrator.scheduling.Purge;
import dev.darkroom.orchestrator.tenants.TenantStatus;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
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
 * The SQL admission runs: the tenant lock with its effective quota, the admitted-request log, the count of open
 * jobs; a read-only look at the log for the tenant's quota view; and its purge. The only code that writes {@code
 * rate_admission}.
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
     * A tenant's effective quota, read under a row lock held to the end of the transaction. {@code no key update}:
     * it serialises the tenant's admissions without blocking the tenant's ledger and dispatch rows, whose foreign
     * keys take a key-share lock on the same row.
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
                           for no key update of t
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
     * @param rate the tenant's admitted requests in the minute before this one
     * @param openJobs the tenant's unfinished jobs
     */
    record Usage(RateWindow rate, int openJobs) {}

    /** The rate window at the request's time {@code at} (not counting this request) and the open jobs. */
    Usage usage(UUID tenantId, Instant at, int limit) {
        return jdbc.sql(WINDOW + """
                        , (select count(*) from job where tenant_id = :tenant and status = any(:unfinished))
                        """)
                .param("tenant", tenantId)
                .param("unfinished", JobStatus.apiNames(JobStatus.UNFINISHED))
                .param("at", Timestamp.from(at))
                .param("from", Timestamp.from(at.minus(RateWindow.LENGTH)))
                .param("nth", Math.max(0, limit - 1))
                .query((rs, n) -> new Usage(window(at, rs), rs.getInt(3)))
                .single();
    }

    /** Counts an admitted request at its time; a redelivered command counts once (the job id is the key). */
    void countAdmitted(UUID tenantId, UUID jobId, Instant at) {
        jdbc.sql("""
                        insert into rate_admission (job_id, tenant_id, admitted_at) values (?, ?, ?)
                        on conflict do nothing
                        """).params(jobId, tenantId, Timestamp.from(at)).update();
    }

    /** The rate window at {@code now}, for the tenant's quota view. */
    RateWindow window(UUID tenantId, Instant now, int limit) {
        return jdbc.sql(WINDOW)
                .param("tenant", tenantId)
                .param("at", Timestamp.from(now))
                .param("from", Timestamp.from(now.minus(RateWindow.LENGTH)))
                .param("nth", Math.max(0, limit - 1))
                .query((rs, n) -> window(now, rs))
                .single();
    }

    // the admissions in (at - 60 s, at] and the limit-th most recent of them, both from the (tenant, time) index
    private static final String WINDOW = """
            select (select count(*) from rate_admission
                     where tenant_id = :tenant and admitted_at > :from and admitted_at <= :at),
                   (select admitted_at from rate_admission
                     where tenant_id = :tenant and admitted_at > :from and admitted_at <= :at
                     order by admitted_at desc offset :nth limit 1)
            """;

    private static RateWindow window(Instant at, ResultSet rs) throws SQLException {
        Timestamp nth = rs.getTimestamp(2);
        return new RateWindow(
                at, rs.getInt(1), nth == null ? null : nth.toInstant().plus(RateWindow.LENGTH));
    }

    @Override
    public String rows() {
        return "admitted requests";
    }

    @Override
    public int purge(Instant now) {
        // a minute more than the oldest request time the rate limit still judges reaches back
        return jdbc.sql("delete from rate_admission where admitted_at < ?")
                .param(Timestamp.from(now.minus(properties.requestTimeMaxAge()).minus(RateWindow.LENGTH)))
                .update();
    }

    private static List<Integer> integers(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Integer[]) array.getArray());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }
}
