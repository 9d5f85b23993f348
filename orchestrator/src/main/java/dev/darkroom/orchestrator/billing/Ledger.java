package dev.darkroom.orchestrator.billing;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only cost ledger and its running balances. Each job has at most one reservation, one release and one
 * settlement (a unique constraint, so every writer is idempotent: a second attempt inserts nothing and moves no
 * balance). The balance row changes in the same transaction as the entry it sums.
 */
@Component
public class Ledger {

    private final JdbcClient jdbc;
    private final Clock clock;

    Ledger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The budget period {@code at} falls in: its calendar month in UTC, as the month's first day. */
    public static LocalDate periodOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).withDayOfMonth(1);
    }

    /** Locks and returns a tenant's balance for a month, creating it at zero. Serialises the tenant's admissions. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Balance lockBalance(UUID tenantId, LocalDate period) {
        jdbc.sql("insert into tenant_balance (tenant_id, period) values (?, ?) on conflict do nothing")
                .params(tenantId, Date.valueOf(period))
                .update();
        return jdbc.sql(
                        "select reserved_usd, spent_usd from tenant_balance where tenant_id = ? and period = ? for update")
                .params(tenantId, Date.valueOf(period))
                .query((rs, n) -> new Balance(rs.getBigDecimal(1), rs.getBigDecimal(2)))
                .single();
    }

    public Balance balance(UUID tenantId, LocalDate period) {
        return jdbc.sql("select reserved_usd, spent_usd from tenant_balance where tenant_id = ? and period = ?")
                .params(tenantId, Date.valueOf(period))
                .query((rs, n) -> new Balance(rs.getBigDecimal(1), rs.getBigDecimal(2)))
                .optional()
                .orElse(new Balance(BigDecimal.ZERO, BigDecimal.ZERO));
    }

    /** Holds a job's estimate against its tenant's budget. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reserve(UUID tenantId, UUID jobId, LocalDate period, BigDecimal amount) {
        // the entry and its balance move in one statement: admission runs this under the tenant lock
        jdbc.sql("""
                        with entry as (
                            insert into ledger_entry (tenant_id, job_id, kind, amount_usd, period, created_at)
                            values (:tenant, :job, 'reserve', :amount, :period, :now)
                            on conflict (job_id, kind) do nothing
                            returning amount_usd)
                        insert into tenant_balance (tenant_id, period, reserved_usd, spent_usd)
                        select :tenant, :period, amount_usd, 0 from entry
                        on conflict (tenant_id, period) do update
                           set reserved_usd = tenant_balance.reserved_usd + excluded.reserved_usd
                        """)
                .param("tenant", tenantId)
                .param("job", jobId)
                .param("amount", amount)
                .param("period", Date.valueOf(period))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** Gives a job's reservation back (failed, canceled, expired); nothing if it never reserved or already did. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(UUID jobId) {
        record Released(UUID tenantId, LocalDate period, BigDecimal amount) {}
        jdbc.sql("""
                        insert into ledger_entry (tenant_id, job_id, kind, amount_usd, period, created_at)
                        select tenant_id, job_id, 'release', amount_usd, period, :now from ledger_entry
                         where job_id = :job and kind = 'reserve'
                        on conflict (job_id, kind) do nothing
                        returning tenant_id, period, amount_usd
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("job", jobId)
                .query((rs, n) ->
                        new Released(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate(), rs.getBigDecimal(3)))
                .list()
                .forEach(r -> move(r.tenantId(), r.period(), r.amount().negate(), BigDecimal.ZERO));
    }

    /** Charges a succeeded job its real cost and releases its reservation. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void settle(UUID tenantId, UUID jobId, LocalDate period, BigDecimal amount) {
        release(jobId);
        if (entry(tenantId, jobId, "settle", period, amount)) {
            move(tenantId, period, BigDecimal.ZERO, amount);
        }
    }

    private boolean entry(UUID tenantId, UUID jobId, String kind, LocalDate period, BigDecimal amount) {
        return jdbc.sql("""
                        insert into ledger_entry (tenant_id, job_id, kind, amount_usd, period, created_at)
                        values (?, ?, ?, ?, ?, ?) on conflict (job_id, kind) do nothing
                        """)
                        .params(tenantId, jobId, kind, amount, Date.valueOf(period), Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }

    private void move(UUID tenantId, LocalDate period, BigDecimal reserved, BigDecimal spent) {
        jdbc.sql("""
                        insert into tenant_balance (tenant_id, period, reserved_usd, spent_usd) values (?, ?, ?, ?)
                        on conflict (tenant_id, period) do update
                           set reserved_usd = tenant_balance.reserved_usd + excluded.reserved_usd,
                               spent_usd = tenant_balance.spent_usd + excluded.spent_usd
                        """).params(tenantId, Date.valueOf(period), reserved, spent).update();
    }
}
