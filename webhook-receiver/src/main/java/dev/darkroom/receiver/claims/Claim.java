package dev.darkroom.receiver.claims;

import java.time.Instant;
import java.util.UUID;

/**
 * A granted claim: the fal request is (now) the job's, and the job is not finished.
 *
 * @param jobId the job
 * @param tenantId its tenant, the first segment of its object keys
 * @param createdAt when the job was created; dates its object keys
 * @param model Darkroom's model id
 * @param falRequestId the fal request bound to the job
 * @param falResponseUrl fal's result URL for the request, or null when the worker has not reported it
 * @param nsfwPolicy the tenant's {@code nsfw_policy} ({@code deliver}, {@code drop}, {@code fail}); null means the
 *     default, {@code drop}
 * @param requestedOutputs how many outputs the job asked for, or null for the model's default
 */
public record Claim(
        UUID jobId,
        UUID tenantId,
        Instant createdAt,
        String model,
        String falRequestId,
        String falResponseUrl,
        String nsfwPolicy,
        Integer requestedOutputs) {}
