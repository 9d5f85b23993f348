package dev.darkroom.contracts.jobs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A job as tenants see it ({@code GET /v1/jobs/{id}}, the gateway's 201 and 202, tenant webhooks).
 *
 * @param id the job id
 * @param status lower-case state name
 * @param model Darkroom's model id
 * @param input the validated input, defaults filled in
 * @param metadata the tenant's metadata, echoed
 * @param estimatedCostUsd the estimate reserved at admission
 * @param costUsd the settled cost: the real outputs' price for a succeeded job, "0.00" for one that ended
 *     otherwise, null while unfinished
 * @param createdAt when the gateway accepted it
 * @param updatedAt when it last changed
 * @param timestamps when it entered each state it went through
 * @param outputs its stored files (succeeded jobs)
 * @param error why it failed, was rejected or expired
 * @param cancelRequestedAt when the tenant asked to cancel, or null
 * @param links related API paths
 */
public record JobView(
        UUID id,
        String status,
        String model,
        JsonNode input,
        JsonNode metadata,
        String estimatedCostUsd,
        String costUsd,
        Instant createdAt,
        Instant updatedAt,
        Map<String, Instant> timestamps,
        List<OutputView> outputs,
        ErrorView error,
        Instant cancelRequestedAt,
        Map<String, String> links) {

    /**
     * A job the gateway handed over while admission did not answer in time (the 202 body): only what the gateway
     * knows. It links only to itself, since the orchestrator knows the job once it admits it.
     */
    public static JobView accepted(
            UUID id, String model, JsonNode input, JsonNode metadata, String estimatedCostUsd, Instant createdAt) {
        return new JobView(
                id,
                JobStatus.ACCEPTED.apiName(),
                model,
                input,
                metadata,
                estimatedCostUsd,
                null,
                createdAt,
                createdAt,
                Map.of(JobStatus.ACCEPTED.apiName(), createdAt),
                List.of(),
                null,
                null,
                Map.of("self", "/v1/jobs/" + id));
    }

    /**
     * One output file.
     *
     * @param index position in fal's output
     * @param url presigned GET URL, valid until {@code urlExpiresAt}
     * @param urlExpiresAt when the URL stops working; fetch the job again for a fresh one
     * @param contentType media type
     * @param width pixels, images only
     * @param height pixels, images only
     * @param bytes size
     * @param sha256 lower-case hex digest of the bytes
     * @param durationSeconds length, videos only
     */
    public record OutputView(
            int index,
            String url,
            Instant urlExpiresAt,
            String contentType,
            Integer width,
            Integer height,
            long bytes,
            String sha256,
            BigDecimal durationSeconds) {}

    /**
     * Why a job did not succeed.
     *
     * @param code stable code, such as fal's error type or {@code budget_exceeded}
     * @param message for people
     * @param falDetail fal's own error body, when fal produced one
     */
    public record ErrorView(String code, String message, JsonNode falDetail) {}
}
