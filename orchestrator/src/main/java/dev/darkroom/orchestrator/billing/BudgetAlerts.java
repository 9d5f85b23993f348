package dev.darkroom.orchestrator.billing;

import dev.darkroom.orchestrator.tenants.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a budget threshold the first time a tenant's committed spend (spent + reserved) reaches it in a month:
 * once per tenant, month and threshold (a primary key), counted in {@code darkroom_budget_alerts_total} and
 * published as {@link BudgetThresholdCrossed} in the same transaction (the tenant's webhook announces it as
 * {@code budget.threshold_crossed}).
 */
@Component
public class BudgetAlerts {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ApplicationEventPublisher events;

    BudgetAlerts(JdbcClient jdbc, Clock clock, MeterRegistry meters, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
        this.events = events;
    }

    /**
     * Records the thresholds the committed spend reached with this change: at or above the line now, below it
     * before. Thresholds already behind are not looked at again, so steady admissions above one cost no query.
     *
     * @param before the committed spend before the change
     * @param after the committed spend after it
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void check(
            UUID tenantId,
            LocalDate period,
            BigDecimal budget,
            List<Integer> thresholds,
            BigDecimal before,
            BigDecimal after) {
        if (budget.signum() <= 0) {
            return;
        }
        BigDecimal committed = after;
        for (int pct : thresholds) {
            BigDecimal line = budget.multiply(BigDecimal.valueOf(pct)).movePointLeft(2);
            boolean crossedNow = committed.compareTo(line) >= 0 && before.compareTo(line) < 0;
            if (crossedNow && record(tenantId, period, pct, budget, committed)) {
                meters.counter(
                                "darkroom_budget_alerts_total",
                                "tenant",
                                tenantId.toString(),
                                "threshold",
                                String.valueOf(pct))
                        .increment();
                events.publishEvent(new BudgetThresholdCrossed(new TenantId(tenantId), period, pct, budget, committed));
            }
        }
    }

    private boolean record(UUID tenantId, LocalDate period, int pct, BigDecimal budget, BigDecimal committed) {
        return jdbc.sql("""
                        insert into budget_alert (tenant_id, period, threshold_pct, budget_usd, committed_usd, crossed_at)
                        values (?, ?, ?, ?, ?, ?) on conflict do nothing
                        """)
                        .params(tenantId, Date.valueOf(period), pct, budget, committed, Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }
}
