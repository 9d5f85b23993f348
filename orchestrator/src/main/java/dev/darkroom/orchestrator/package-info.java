/**
 * The orchestrator owns Darkroom's Postgres schema: tenants and their keys and quotas, jobs and their state
 * machine, the cost ledger, admission, fair dispatch, reconciliation with fal, the outbox and tenant webhooks.
 *
 * <p>Each direct subpackage is a Spring Modulith application module whose {@code package-info.java} lists the
 * modules it may use; {@code ModuleBoundariesTest} fails on any other dependency and on any cycle. The graph, each
 * arrow "uses":
 *
 * <pre>
 * admission -> jobs, billing, tenants        reconcile -> jobs, dispatch     webhooks -> jobs, billing, tenants
 * dispatch  -> jobs, outbox, tenants         jobs      -> billing, tenants   billing  -> tenants
 * security  -> tenants                       deadletters, outbox, tenants, api, scheduling: shared at the bottom
 * </pre>
 *
 * Reactions go the other way as events: a job's {@code JobQueued} and {@code JobFinished} wake the dispatcher after
 * commit and record tenant webhooks in the same transaction; billing's {@code BudgetThresholdCrossed} records one
 * too. Classes are package-private unless another module needs them.
 */
package dev.darkroom.orchestrator;
