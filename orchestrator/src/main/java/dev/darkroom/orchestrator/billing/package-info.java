/**
 * Money: the append-only cost ledger and the running balances derived from it, budget alerts, and the tenant's
 * usage and quota API. Amounts are {@link java.math.BigDecimal} USD with six decimals, {@code numeric} in SQL.
 */
package dev.darkroom.orchestrator.billing;
