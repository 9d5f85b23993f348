package dev.darkroom.orchestrator.billing;

import dev.darkroom.orchestrator.tenants.TenantId;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A tenant's committed spend (spent + reserved) reached one of its budget alert thresholds for the first time this
 * month. Published inside the transaction that recorded the alert.
 *
 * @param tenantId the tenant
 * @param period the month, as its first day
 * @param thresholdPct the threshold reached, in percent of the budget
 * @param budgetUsd the month's budget
 * @param committedUsd the committed spend that reached it
 */
public record BudgetThresholdCrossed(
        TenantId tenantId, LocalDate period, int thresholdPct, BigDecimal budgetUsd, BigDecimal committedUsd) {}
