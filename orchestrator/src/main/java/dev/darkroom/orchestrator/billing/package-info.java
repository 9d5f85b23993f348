/**
 * Money: the append-only cost ledger and the running balances derived from it, budget alerts (published as
 * {@link dev.darkroom.orchestrator.billing.BudgetThresholdCrossed}), the tenant's usage API and the operator's
 * audit. Amounts are {@link java.math.BigDecimal} USD with six decimals, {@code numeric} in SQL. Knows nothing of
 * jobs beyond their ids; admission and jobs call it.
 */
@ApplicationModule(
        displayName = "billing",
        allowedDependencies = {"tenants", "security", "api"})
package dev.darkroom.orchestrator.billing;

import org.springframework.modulith.ApplicationModule;
