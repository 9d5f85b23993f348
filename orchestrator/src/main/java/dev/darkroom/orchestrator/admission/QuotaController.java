package dev.darkroom.orchestrator.admission;

import dev.darkroom.contracts.jobs.JobStatus;
import dev.darkroom.orchestrator.api.Money;
import dev.darkroom.orchestrator.billing.Balance;
import dev.darkroom.orchestrator.billing.Ledger;
import dev.darkroom.orchestrator.security.TenantScope;
import dev.darkroom.orchestrator.tenants.Quota;
import dev.darkroom.orchestrator.tenants.TenantRepository;
import dev.darkroom.support.problems.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/quota}: the tenant's limits and where it stands against each right now. */
@RestController
class QuotaController {

    private final TenantRepository tenants;
    private final Ledger ledger;
    private final TenantLimits limits;
    private final JdbcClient jdbc;
    private final Clock clock;

    QuotaController(TenantRepository tenants, Ledger ledger, TenantLimits limits, JdbcClient jdbc, Clock clock) {
        this.tenants = tenants;
        this.ledger = ledger;
        this.limits = limits;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param period the month the budget covers
     * @param budgetUsd the monthly budget
     * @param spentUsd settled this month
     * @param reservedUsd held by unfinished jobs
     * @param remainingUsd budget minus spent and reserved
     * @param inFlightJobs jobs at fal now
     * @param queuedJobs jobs waiting in Darkroom
     * @param maxConcurrentJobs cap on jobs at fal
     * @param maxQueuedJobs cap on unfinished jobs
     * @param requestsPerMinute submissions allowed per minute
     * @param requestsRemaining submissions left in the current sliding minute
     * @param allowedModels models the tenant may use, null for all
     * @param alertThresholdsPct budget alert thresholds
     * @param outputRetentionDays how long outputs are kept
     */
    record QuotaStatus(
            LocalDate period,
            String budgetUsd,
            String spentUsd,
            String reservedUsd,
            String remainingUsd,
            long inFlightJobs,
            long queuedJobs,
            int maxConcurrentJobs,
            int maxQueuedJobs,
            int requestsPerMinute,
            long requestsRemaining,
            List<String> allowedModels,
            List<Integer> alertThresholdsPct,
            int outputRetentionDays) {}

    @GetMapping("/v1/quota")
    @Transactional(readOnly = true)
    QuotaStatus quota(TenantScope scope) {
        Quota q = tenants.findById(scope.tenantId())
                .orElseThrow(() -> new NotFoundException("tenant_not_found", "no such tenant"))
                .quota();
        Instant now = clock.instant();
        LocalDate period = Ledger.periodOf(now);
        Balance b = ledger.balance(scope.tenantId(), period);
        record Counts(long inFlight, long queued) {}
        Counts counts = jdbc.sql("""
                        select count(*) filter (where status = any(?)), count(*) filter (where status = any(?))
                          from job where tenant_id = ? and status = any(?)
                        """)
                .params(
                        JobStatus.apiNames(JobStatus.IN_FLIGHT),
                        JobStatus.apiNames(JobStatus.WAITING),
                        scope.tenantId(),
                        JobStatus.apiNames(JobStatus.UNFINISHED))
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2)))
                .single();
        return new QuotaStatus(
                period,
                Money.format(q.monthlyBudgetUsd()),
                Money.format(b.spentUsd()),
                Money.format(b.reservedUsd()),
                Money.format(q.monthlyBudgetUsd().subtract(b.committedUsd()).max(BigDecimal.ZERO)),
                counts.inFlight(),
                counts.queued(),
                q.maxConcurrentJobs(),
                q.maxQueuedJobs(),
                q.requestsPerMinute(),
                limits.window(scope.tenantId(), now).remaining(q.requestsPerMinute()),
                q.allowedModels(),
                q.alertThresholdsPct(),
                q.outputRetentionDays());
    }
}
