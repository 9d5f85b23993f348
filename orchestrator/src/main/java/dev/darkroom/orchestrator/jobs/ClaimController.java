package dev.darkroom.orchestrator.jobs;

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

/**
 * The webhook-receiver asks here before it copies a fal result's outputs. The claim binds the job to that fal
 * request if it has none yet, so two fal requests of one job (a worker that submitted twice) can never both store
 * outputs under the job's keys; a finished job or another request's result is refused with 409, and the receiver
 * drops it.
 */
@RestController
class ClaimController {

    private final JobRepository jobs;
    private final Clock clock;

    ClaimController(JobRepository jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
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
     */
    record Claim(
            UUID jobId, UUID tenantId, Instant createdAt, String model, String falRequestId, String falResponseUrl) {}

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
                job.falUrls().responseUrl());
    }
}
