package dev.darkroom.orchestrator.billing;

import dev.darkroom.contracts.jobs.JobStatus;
import dev.darkroom.orchestrator.api.Money;
import dev.darkroom.storage.ObjectKeys;
import dev.darkroom.storage.ObjectStorage;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/admin/tenants/{id}/audit}: the money and output invariants of one tenant, checked from the rows
 * themselves — what the chaos run and an operator in doubt look at. The ledger balances when the settled entries
 * equal the costs of the succeeded jobs, the net reservations equal the estimates of the unfinished jobs, and the
 * running balances equal the entries they sum.
 */
@RestController
class AuditController {

    private final JdbcClient jdbc;
    private final ObjectStorage storage;

    AuditController(JdbcClient jdbc, ObjectStorage storage) {
        this.jdbc = jdbc;
        this.storage = storage;
    }

    /**
     * @param tenantId the tenant
     * @param jobs jobs by status, and how many are finished
     * @param ledger the sums that must agree
     * @param ledgerBalanced whether they do
     * @param doubleChargedJobs jobs charged more than once, charged without succeeding, or charged other than their cost
     * @param jobsWithUnexpectedOutputs succeeded jobs whose stored outputs are not exactly the files fal was asked for
     * @param outputRows output files recorded on the tenant's jobs
     * @param storedObjects objects in storage under the tenant's prefix; equal to {@code outputRows} when nothing was
     *     stored twice or left behind
     */
    record Audit(
            UUID tenantId,
            Map<String, Object> jobs,
            Map<String, String> ledger,
            boolean ledgerBalanced,
            long doubleChargedJobs,
            long jobsWithUnexpectedOutputs,
            long outputRows,
            long storedObjects) {}

    @GetMapping("/v1/admin/tenants/{id}/audit")
    @Transactional(readOnly = true)
    Audit audit(@PathVariable UUID id) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        jdbc.sql("select status, count(*) from job where tenant_id = ? group by status order by status")
                .param(id)
                .query((rs, n) -> byStatus.put(rs.getString(1), rs.getLong(2)))
                .list();
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long open = jdbc.sql("select count(*) from job where tenant_id = ? and status = any(?)")
                .params(id, JobStatus.apiNames(JobStatus.UNFINISHED))
                .query(Long.class)
                .single();
        Map<String, Object> jobs = new LinkedHashMap<>();
        jobs.put("total", total);
        jobs.put("terminal", total - open);
        jobs.put("by_status", byStatus);

        BigDecimal settled =
                money("select sum(amount_usd) from ledger_entry where tenant_id = ? and kind = 'settle'", id);
        BigDecimal succeededCosts =
                money("select sum(cost_usd) from job where tenant_id = ? and status = 'succeeded'", id);
        BigDecimal reservedNet = money(
                "select sum(case kind when 'reserve' then amount_usd when 'release' then -amount_usd else 0 end)"
                        + " from ledger_entry where tenant_id = ?",
                id);
        BigDecimal openEstimates = money(
                "select sum(estimated_cost_usd) from job where tenant_id = ? and status = any(?)",
                id,
                JobStatus.apiNames(JobStatus.RESERVED));
        BigDecimal balanceReserved = money("select sum(reserved_usd) from tenant_balance where tenant_id = ?", id);
        BigDecimal balanceSpent = money("select sum(spent_usd) from tenant_balance where tenant_id = ?", id);
        Map<String, String> ledger = new LinkedHashMap<>();
        ledger.put("settled_usd", Money.format(settled));
        ledger.put("succeeded_job_costs_usd", Money.format(succeededCosts));
        ledger.put("reserved_net_usd", Money.format(reservedNet));
        ledger.put("open_job_estimates_usd", Money.format(openEstimates));
        ledger.put("balance_reserved_usd", Money.format(balanceReserved));
        ledger.put("balance_spent_usd", Money.format(balanceSpent));
        boolean balanced = settled.compareTo(succeededCosts) == 0
                && reservedNet.compareTo(openEstimates) == 0
                && balanceReserved.compareTo(reservedNet) == 0
                && balanceSpent.compareTo(settled) == 0;

        long doubleCharged = jdbc.sql("""
                        select count(*) from job j
                         where j.tenant_id = ?
                           and exists (select 1 from ledger_entry l where l.job_id = j.id and l.kind = 'settle')
                           and (j.status <> 'succeeded'
                                or (select count(*) from ledger_entry l where l.job_id = j.id and l.kind = 'settle') > 1
                                or (select sum(amount_usd) from ledger_entry l where l.job_id = j.id and l.kind = 'settle')
                                   <> j.cost_usd)
                        """).param(id).query(Long.class).single();
        long unexpectedOutputs = jdbc.sql("""
                        select count(*) from job j
                         where j.tenant_id = ? and j.status = 'succeeded'
                           and (select count(*) from job_output o where o.job_id = j.id)
                               <> case when j.kind = 'video' then 1 else coalesce((j.input ->> 'num_images')::int, 1) end
                        """).param(id).query(Long.class).single();
        long outputRows = jdbc.sql(
                        "select count(*) from job_output o join job j on j.id = o.job_id where j.tenant_id = ?")
                .param(id)
                .query(Long.class)
                .single();
        long storedObjects = storage.count(ObjectKeys.tenantPrefix(id));
        return new Audit(id, jobs, ledger, balanced, doubleCharged, unexpectedOutputs, outputRows, storedObjects);
    }

    /** A sum, zero over no rows. */
    private BigDecimal money(String sql, Object... params) {
        return jdbc.sql("select coalesce((" + sql + "), 0)")
                .params(params)
                .query(BigDecimal.class)
                .single();
    }
}
