package dev.darkroom.orchestrator.dispatch;

import dev.darkroom.contracts.jobs.JobStatus;
import dev.darkroom.orchestrator.scheduling.LoopRunner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Money held and budgets, sampled every 15 seconds: {@code darkroom_spend_reserved_usd{model}} (estimates held by
 * jobs not yet finished) and {@code darkroom_tenant_budget_used_ratio{tenant}} (spent and reserved this month over the
 * monthly budget) for the {@value #TOP_TENANTS} tenants closest to their budget, so the series stay bounded however
 * many tenants there are. Tenant ids appear only here, on the orchestrator's management port.
 */
@Component
class SpendGauges {

    static final int TOP_TENANTS = 20;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MultiGauge reserved;
    private final MultiGauge budgets;

    SpendGauges(JdbcClient jdbc, MeterRegistry meters, Clock clock, LoopRunner loops) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.reserved = MultiGauge.builder("darkroom_spend_reserved_usd")
                .description("USD reserved by jobs not yet finished, by model")
                .register(meters);
        this.budgets = MultiGauge.builder("darkroom_tenant_budget_used_ratio")
                .description("share of the monthly budget spent or reserved, tenants closest to it")
                .register(meters);
        loops.register("spend-gauges", Duration.ofSeconds(15), this::sampleRound);
    }

    /** One round: the money held per model and the tenants closest to their budget. */
    boolean sampleRound() {
        reserved.register(
                jdbc.sql("""
                                select model, sum(estimated_cost_usd) as usd from job
                                 where status = any(?)
                                 group by model
                                """)
                        .param(JobStatus.apiNames(JobStatus.UNFINISHED))
                        .query((rs, n) -> MultiGauge.Row.of(
                                Tags.of("model", rs.getString("model")), (Number) rs.getBigDecimal("usd")))
                        .list(),
                true);
        budgets.register(budgetRows(jdbc, clock), true);
        return false;
    }

    private static List<MultiGauge.Row<Number>> budgetRows(JdbcClient jdbc, Clock clock) {
        return jdbc.sql("""
                        select b.tenant_id, (b.spent_usd + b.reserved_usd)
                               / nullif(coalesce(t.monthly_budget_usd, p.monthly_budget_usd), 0) as ratio
                          from tenant_balance b
                          join tenant t on t.id = b.tenant_id
                          join plan p on p.id = t.plan_id
                         where b.period = ?
                         order by ratio desc nulls last
                         limit ?
                        """)
                // the ledger's month (UTC), without depending on billing
                .param(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).withDayOfMonth(1))
                .param(TOP_TENANTS)
                .query((rs, n) -> {
                    BigDecimal ratio = rs.getBigDecimal("ratio");
                    return MultiGauge.Row.of(Tags.of("tenant", rs.getString("tenant_id")), (Number)
                            (ratio == null ? BigDecimal.ZERO : ratio));
                })
                .list();
    }
}
