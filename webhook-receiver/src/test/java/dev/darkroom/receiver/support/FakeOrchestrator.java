package dev.darkroom.receiver.support;

import dev.darkroom.contracts.messages.JobCompleted;
import dev.darkroom.contracts.messages.JobFailed;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.support.problems.DarkroomException;
import dev.darkroom.support.problems.InvalidRequestException;
import dev.darkroom.support.problems.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The orchestrator, as far as the receiver sees it: the internal claim API with the real one's rules (the first
 * claim binds the job to its fal request; a finished job answers 409 {@code job_finished}, another request 409
 * {@code other_fal_request}, an unknown job 404 {@code job_not_found}), and consumers of {@code JobCompleted} and
 * {@code JobFailed} that finish the job, as settling does.
 */
@TestComponent
@RestController
public class FakeOrchestrator {

    /** The internal token the tests configure; a claim without it is refused like the real API does. */
    public static final String INTERNAL_TOKEN = "test-internal-token";

    private final Map<UUID, FakeJob> jobs = new ConcurrentHashMap<>();

    /** Makes a job known, as admission and the worker's report would. */
    public FakeJob register(UUID tenantId, Instant createdAt, String model) {
        FakeJob job = new FakeJob(UUID.randomUUID(), tenantId, createdAt, model);
        jobs.put(job.jobId, job);
        return job;
    }

    public FakeJob job(UUID jobId) {
        return jobs.get(jobId);
    }

    @PostMapping("/internal/jobs/{id}/claim")
    Map<String, Object> claim(
            @PathVariable UUID id,
            @RequestBody Map<String, String> body,
            @RequestHeader(name = "X-Darkroom-Internal-Token", required = false) String token) {
        if (!INTERNAL_TOKEN.equals(token)) {
            throw new DarkroomException(401, "unauthorized", "internal token required");
        }
        String requestId = body.get("fal_request_id");
        if (requestId == null || requestId.isBlank()) {
            throw new InvalidRequestException("fal_request_id", "fal_request_id is required");
        }
        FakeJob job = jobs.get(id);
        if (job == null) {
            throw new NotFoundException("job_not_found", "no job " + id);
        }
        return job.claim(requestId);
    }

    @RabbitListener(queues = Messaging.JOB_COMPLETED_QUEUE)
    void completed(JobCompleted event) {
        FakeJob job = jobs.get(event.jobId());
        if (job != null) {
            job.finish(event);
        }
    }

    @RabbitListener(queues = Messaging.JOB_FAILED_QUEUE)
    void failed(JobFailed event) {
        FakeJob job = jobs.get(event.jobId());
        if (job != null) {
            job.finish(event);
        }
    }

    /** One job's state and everything the receiver did to it. Thread-safe. */
    public static final class FakeJob {

        private final UUID jobId;
        private final UUID tenantId;
        private final Instant createdAt;
        private final String model;
        private final List<Integer> claimAnswers = new ArrayList<>();
        private final List<Object> events = new ArrayList<>();
        private String falRequestId;
        private String responseUrl;
        private String nsfwPolicy;
        private boolean finished;
        private Integer requestedOutputs;

        FakeJob(UUID jobId, UUID tenantId, Instant createdAt, String model) {
            this.jobId = jobId;
            this.tenantId = tenantId;
            this.createdAt = createdAt;
            this.model = model;
        }

        public UUID jobId() {
            return jobId;
        }

        public UUID tenantId() {
            return tenantId;
        }

        public Instant createdAt() {
            return createdAt;
        }

        /** The tenant's {@code nsfw_policy} the claim answers with; none (the receiver's default) unless set. */
        public synchronized FakeJob nsfwPolicy(String policy) {
            this.nsfwPolicy = policy;
            return this;
        }

        /** The job's {@code num_images}, as the real orchestrator reads it from the job's input. */
        public synchronized FakeJob requesting(int outputs) {
            this.requestedOutputs = outputs;
            return this;
        }

        /** Records fal's result URL, as the worker's {@code JobSubmitted} would. */
        public synchronized void submitted(String responseUrl) {
            this.responseUrl = responseUrl;
        }

        synchronized Map<String, Object> claim(String requestId) {
            if (finished) {
                claimAnswers.add(409);
                throw new DarkroomException(409, "job_finished", "job " + jobId + " is finished");
            }
            if (falRequestId != null && !falRequestId.equals(requestId)) {
                claimAnswers.add(409);
                throw new DarkroomException(409, "other_fal_request", "job " + jobId + " is bound to another request");
            }
            falRequestId = requestId;
            claimAnswers.add(200);
            Map<String, Object> claim = new LinkedHashMap<>();
            claim.put("job_id", jobId);
            claim.put("tenant_id", tenantId);
            claim.put("created_at", createdAt.toString());
            claim.put("model", model);
            claim.put("fal_request_id", falRequestId);
            claim.put("fal_response_url", responseUrl);
            claim.put("nsfw_policy", nsfwPolicy);
            claim.put("requested_outputs", requestedOutputs);
            return claim;
        }

        synchronized void finish(Object event) {
            events.add(event);
            finished = true;
        }

        /** HTTP status of every claim so far, in order. */
        public synchronized List<Integer> claimAnswers() {
            return List.copyOf(claimAnswers);
        }

        public synchronized List<JobCompleted> completions() {
            return events.stream()
                    .filter(JobCompleted.class::isInstance)
                    .map(JobCompleted.class::cast)
                    .toList();
        }

        public synchronized List<JobFailed> failures() {
            return events.stream()
                    .filter(JobFailed.class::isInstance)
                    .map(JobFailed.class::cast)
                    .toList();
        }
    }
}
