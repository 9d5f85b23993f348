package dev.darkroom.contracts.messages;

import java.time.Instant;
import java.util.UUID;

/**
 * Event from a worker: fal accepted the job into its queue.
 *
 * @param jobId the job
 * @param falRequestId fal's request id
 * @param statusUrl fal's status URL, as fal returned it
 * @param responseUrl fal's result URL, as fal returned it
 * @param cancelUrl fal's cancel URL, as fal returned it
 * @param submittedAt when fal answered
 */
public record JobSubmitted(
        UUID jobId, String falRequestId, String statusUrl, String responseUrl, String cancelUrl, Instant submittedAt) {}
