/**
 * Live job events: the persisted {@code job_event} rows (one per state change, written by a trigger on
 * {@code job_transition}) streamed to tenants as server-sent events, per job or for all of a tenant's jobs,
 * resumable with {@code Last-Event-ID}. Replicas learn of new rows through Postgres LISTEN/NOTIFY. Uses jobs (to
 * render the job each event is about) and security (the tenant scope).
 */
@ApplicationModule(
        displayName = "events",
        allowedDependencies = {"jobs", "security"})
package dev.darkroom.orchestrator.events;

import org.springframework.modulith.ApplicationModule;
