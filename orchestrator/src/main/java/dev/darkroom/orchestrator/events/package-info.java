/**
 * Live job events: the persisted {@code job_event} rows (one per state change, written by a trigger on
 * {@code job_transition}) streamed to tenants as server-sent events, per job or for all of a tenant's jobs,
 * resumable with {@code Last-Event-ID}. Replicas learn of new rows through Postgres LISTEN/NOTIFY.
 */
package dev.darkroom.orchestrator.events;
