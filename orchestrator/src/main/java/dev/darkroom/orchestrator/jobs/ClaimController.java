package dev.darkroom.orchestrator.jobs;

import dev.darkroom.orchestrator.tenants.Tenant;
import dev.darkroom.orchestrator.tenants.TenantRepository;
import dev.darkroom.support.problems.DarkroomException;
import dev.darkroom.support.problems.InvalidRequestException;
import dev.darkroom.support.problems.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook-receiver asks here before it copies a fal result's outputs. The claim binds the job to that fal
 * request if it has none yet, so two fal requests of one job (a worker that submitted twice) can never both store
 * outputs under the job's keys; a finished job or another request's result is refused with 409, and the receiver
 * drops it.
 */
@RestController
class ClaimController {

    private final JobRepository jobs;
    private final TenantRepository tenants;
    private final Clock clock;
    private final JsonMapper json;

    ClaimController(JobRepository jobs, TenantRepository tenants, Clock clock, JsonMapper json) {
        this.jobs = jobs;
        this.tenants = tenants;
        this.clock = clock;
        this.json = json;
    }

    /**
     * What the receiver needs to store a job's outputs.
     *
     * @param jobId the job
     * @param tenantId its tenant, the first segment of every object key
     * @param createdAt its creation time, which dates its object keys
     * @param model Darkroom's model id
     * @param falRequestId the fal request now bound to the job
     * @param falResponseUrl fal's result URL, when the worker has reported it
     * @param nsfwPolicy the tenant's {@code nsfw_policy}: what the receiver does with flagged outputs
     * @param requestedOutputs how many outputs the job asked for ({@code num_images}), or null for the model's default
     */
    record Claim(
            UUID jobId,
            UUID tenantId,
            Instant createdAt,
            String model,
            String falRequestId,
            String falResponseUrl,
            String nsfwPolicy,
            Integer requestedOutputs) {}

    /** Body: {@code {"fal_request_id": "..."}}. */
    record ClaimRequest(String falRequestId) {}

    @PostMapping("/internal/jobs/{id}/claim")
    @Transactional
    Claim claim(@PathVariable UUID id, @RequestBody ClaimRequest request) {
        if (request == null
                || request.falRequestId() == null
                || request.falRequestId().isBlank()) {
            throw new InvalidRequestException("fal_request_id", "fal_request_id is required");
        }
        Job job = jobs.findById(id).orElseThrow(() -> new NotFoundException("job_not_found", "no job " + id));
        if (job.status().isTerminal()) {
            throw new DarkroomException(
                    409,
                    "job_finished",
                    "job " + id + " is " + job.status().apiName(),
                    Map.of("job_status", job.status().apiName()));
        }
        if (!job.bindFalRequest(request.falRequestId(), null, clock.instant())) {
            throw new DarkroomException(
                    409,
                    "other_fal_request",
                    "job " + id + " is bound to another fal request",
                    Map.of("fal_request_id", job.falRequestId()));
        }
        return new Claim(
                job.id(),
                job.tenantId(),
                job.createdAt(),
                job.model(),
                job.falRequestId(),
                job.falUrls().responseUrl(),
                tenants.findById(job.tenantId()).map(Tenant::nsfwPolicy).orElse(Tenant.DEFAULT_NSFW_POLICY),
                requestedOutputs(job.inputJson()));
    }

    private Integer requestedOutputs(String inputJson) {
        if (inputJson == null) {
            return null;
        }
        JsonNode count = json.readTree(inputJson).get("num_images");
        return count != null && count.isIntegralNumber() ? count.asInt() : null;
    }
}
