package dev.darkroom.contracts.messages;

import java.time.Instant;
import java.util.UUID;

/**
 * Event: a job ended in failure at fal, in a worker or while storing its outputs. A failed job costs nothing.
 *
 * @param jobId the job
 * @param falRequestId the fal request that failed, or null if it never reached fal
 * @param error why
 * @param failedAt when
 */
public record JobFailed(UUID jobId, String falRequestId, JobError error, Instant failedAt) {}
