package dev.darkroom.orchestrator.jobs;

import dev.darkroom.contracts.jobs.JobStatus;
import dev.darkroom.orchestrator.security.TenantScope;
import dev.darkroom.storage.ObjectStorage;
import dev.darkroom.storage.StorageProperties;
import dev.darkroom.support.problems.NotFoundException;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/jobs/{id}/outputs/{index}}: the stable URL of one output, answered with {@code 302 Found} to a
 * presigned download URL made now (valid for the storage's presign TTL). Clients follow it without the API key:
 * the presigned URL carries its own authorization.
 */
@RestController
class JobOutputController {

    private final JobRepository jobs;
    private final JobOutputRepository outputs;
    private final ObjectStorage storage;
    private final StorageProperties storageProperties;

    JobOutputController(
            JobRepository jobs,
            JobOutputRepository outputs,
            ObjectStorage storage,
            StorageProperties storageProperties) {
        this.jobs = jobs;
        this.outputs = outputs;
        this.storage = storage;
        this.storageProperties = storageProperties;
    }

    @GetMapping("/v1/jobs/{id}/outputs/{index}")
    @Transactional(readOnly = true)
    ResponseEntity<Void> output(TenantScope scope, @PathVariable UUID id, @PathVariable int index) {
        Job job = jobs.findByIdAndTenantId(id, scope.tenantId())
                .orElseThrow(() -> new NotFoundException("job_not_found", "no job " + id));
        JobOutput output = job.status() != JobStatus.SUCCEEDED
                ? null
                : outputs.findById(new JobOutput.Key(id, index)).orElse(null);
        if (output == null) {
            throw new NotFoundException("output_not_found", "job " + id + " has no output " + index);
        }
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(storage.presignedGet(output.objectKey(), storageProperties.presignTtl())))
                .cacheControl(CacheControl.noStore())
                .build();
    }
}
