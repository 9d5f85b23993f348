/**
 * Fair dispatch: admitted jobs wait in Postgres as {@code queued}; the dispatcher releases them to the work queues
 * under a global in-flight cap (the fal account's concurrency) and each tenant's cap, taking turns round-robin
 * across tenants with waiting jobs, so one tenant's backlog cannot starve another's single job. Uses jobs (the job
 * and its {@code JobQueued}/{@code JobFinished} events, which wake the dispatcher after commit), outbox, tenants
 * (the status it dispatches for).
 */
@ApplicationModule(
        displayName = "dispatch",
        allowedDependencies = {"jobs", "outbox", "tenants", "scheduling"})
package dev.darkroom.orchestrator.dispatch;

import org.springframework.modulith.ApplicationModule;
