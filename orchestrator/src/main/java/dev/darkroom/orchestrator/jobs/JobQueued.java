package dev.darkroom.orchestrator.jobs;

import dev.darkroom.orchestrator.tenants.TenantId;

/**
 * Admission let a job in: it waits for dispatch. Published when the job is saved, inside the admission transaction.
 *
 * @param jobId the job
 * @param tenantId its tenant
 */
public record JobQueued(JobId jobId, TenantId tenantId) {}
