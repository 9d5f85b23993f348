package dev.darkroom.orchestrator.jobs;

import dev.darkroom.contracts.catalog.ModelKind;
import dev.darkroom.contracts.jobs.JobStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * A job the reconciler leased for a look ({@link JobChecks#leaseDue}).
 *
 * @param id the job
 * @param status its state when leased
 * @param falRequestId fal's request, or null
 * @param statusUrl fal's status URL, or null
 * @param responseUrl fal's result URL, or null
 * @param cancelUrl fal's cancel URL, or null
 * @param cancelRequestedAt when the tenant asked to cancel, or null
 * @param dispatchAttempts how often it was sent to a work queue
 * @param submittedAt when fal accepted it, or null
 * @param kind image or video
 * @param leasedUntil the lease this round set, as stored: the round acts on the job only while it is still this
 */
public record DueJob(
        UUID id,
        JobStatus status,
        String falRequestId,
        String statusUrl,
        String responseUrl,
        String cancelUrl,
        Instant cancelRequestedAt,
        int dispatchAttempts,
        Instant submittedAt,
        ModelKind kind,
        Instant leasedUntil) {}
