/**
 * The orchestrator owns Darkroom's Postgres schema: tenants and their keys and quotas, jobs and their state
 * machine, the cost ledger, admission, fair dispatch, reconciliation with fal, the outbox and tenant webhooks.
 * Packages are business features; each keeps its classes package-private unless another feature needs them.
 */
package dev.darkroom.orchestrator;
