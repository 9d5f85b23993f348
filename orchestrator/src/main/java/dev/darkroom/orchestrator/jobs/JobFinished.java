package dev.darkroom.orchestrator.jobs;

import dev.darkroom.contracts.jobs.JobStatus;
import dev.darkroom.orchestrator.tenants.TenantId;

/**
 * A job reached its final state (succeeded, failed, canceled or expired; not rejected, which never started), its
 * ledger already settled or released. Published when the job is saved, inside the transaction of the change.
 *
 * @param jobId the job
 * @param tenantId its tenant
 * @param status the final state
 */
public record JobFinished(JobId jobId, TenantId tenantId, JobStatus status) {}
