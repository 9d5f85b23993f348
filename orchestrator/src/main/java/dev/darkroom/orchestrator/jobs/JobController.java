package dev.darkroom.orchestrator.jobs;

import dev.darkroom.contracts.jobs.JobStatus;
import dev.darkroom.contracts.jobs.JobView;
import dev.darkroom.orchestrator.api.Cursor;
import dev.darkroom.orchestrator.api.Page;
import dev.darkroom.orchestrator.security.TenantScope;
import dev.darkroom.support.problems.DarkroomException;
import dev.darkroom.support.problems.InvalidRequestException;
import dev.darkroom.support.problems.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's job API: read one, list with filters and a cursor, cancel. Every query is scoped to the tenant. */
@RestController
class JobController {

    private final JobRepository jobs;
    private final JobViews views;
    private final JobLifecycle lifecycle;

    JobController(JobRepository jobs, JobViews views, JobLifecycle lifecycle) {
        this.jobs = jobs;
        this.views = views;
        this.lifecycle = lifecycle;
    }

    @GetMapping("/v1/jobs/{id}")
    @Transactional(readOnly = true)
    JobView get(TenantScope scope, @PathVariable UUID id) {
        return views.view(find(scope, id));
    }

    @GetMapping("/v1/jobs")
    @Transactional(readOnly = true)
    Page<JobView> list(
            TenantScope scope,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String model,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        int size = Cursor.limit(limit, 100);
        Cursor after = Cursor.decode(cursor);
        List<Job> page = jobs.page(
                scope.tenantId(),
                status(status),
                model,
                after == null ? Instant.parse("9999-12-31T00:00:00Z") : after.at(),
                after == null ? new UUID(-1L, -1L) : after.id(),
                Limit.of(size + 1));
        List<Job> shown = page.stream().limit(size).toList();
        String next = page.size() > size
                ? new Cursor(
                                shown.get(size - 1).createdAt(),
                                shown.get(size - 1).id())
                        .encode()
                : null;
        return new Page<>(views.views(shown), next);
    }

    /**
     * Cancels a job. A job still waiting in Darkroom is canceled at once; one at fal is cancelled there and ends
     * canceled when fal confirms, or succeeded if fal finished first (202 until then). A finished job cannot be.
     */
    @PostMapping("/v1/jobs/{id}/cancel")
    @Transactional
    ResponseEntity<JobView> cancel(TenantScope scope, @PathVariable UUID id) {
        Job job = find(scope, id);
        if (job.status().isTerminal()) {
            throw new DarkroomException(
                    409,
                    "job_finished",
                    "job " + id + " already " + job.status().apiName(),
                    Map.of("job_status", job.status().apiName()));
        }
        if (job.status() == JobStatus.QUEUED || job.status() == JobStatus.ACCEPTED) {
            lifecycle.canceled(id);
        } else {
            lifecycle.requestCancel(id);
        }
        // the lifecycle joined this transaction and changed this same managed instance
        return ResponseEntity.status(job.status().isTerminal() ? 200 : 202).body(views.view(job));
    }

    private Job find(TenantScope scope, UUID id) {
        return jobs.findByIdAndTenantId(id, scope.tenantId()).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("job_not_found", "no job " + id);
    }

    private static JobStatus status(String value) {
        if (value == null) {
            return null;
        }
        try {
            return JobStatus.fromApiName(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status", "unknown status " + value);
        }
    }
}
