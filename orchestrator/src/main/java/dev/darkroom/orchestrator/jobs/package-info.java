/**
 * Jobs: the {@link dev.darkroom.orchestrator.jobs.Job} aggregate, the only code that changes a job's state, its
 * append-only history and outputs, the tenant-facing job API, and the consumers of the workers' and
 * webhook-receiver's events.
 */
package dev.darkroom.orchestrator.jobs;
