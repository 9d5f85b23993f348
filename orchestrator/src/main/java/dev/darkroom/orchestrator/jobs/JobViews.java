package dev.darkroom.orchestrator.jobs;

import dev.darkroom.contracts.jobs.JobStatus;
import dev.darkroom.contracts.jobs.JobView;
import dev.darkroom.orchestrator.api.Money;
import dev.darkroom.storage.ObjectStorage;
import dev.darkroom.storage.StorageProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Renders jobs for the API, with fresh presigned URLs for their outputs. */
@Component
public class JobViews {

    private final JobOutputRepository outputs;
    private final ObjectStorage storage;
    private final StorageProperties storageProperties;
    private final JsonMapper json;
    private final Clock clock;

    JobViews(
            JobOutputRepository outputs,
            ObjectStorage storage,
            StorageProperties storageProperties,
            JsonMapper json,
            Clock clock) {
        this.outputs = outputs;
        this.storage = storage;
        this.storageProperties = storageProperties;
        this.json = json;
        this.clock = clock;
    }

    public JobView view(Job job) {
        return views(List.of(job)).get(0);
    }

    public List<JobView> views(List<Job> jobs) {
        List<UUID> succeeded = jobs.stream()
                .filter(j -> j.status() == JobStatus.SUCCEEDED)
                .map(Job::id)
                .toList();
        Map<UUID, List<JobOutput>> byJob = succeeded.isEmpty()
                ? Map.of()
                : outputs.findByJobIdInOrderByJobIdAscIdxAsc(succeeded).stream()
                        .collect(Collectors.groupingBy(JobOutput::jobId));
        Instant expires = clock.instant().plus(storageProperties.presignTtl());
        return jobs.stream()
                .map(j -> render(j, byJob.getOrDefault(j.id(), List.of()), expires))
                .toList();
    }

    private JobView render(Job job, List<JobOutput> files, Instant urlExpiresAt) {
        Map<String, Instant> timestamps = new LinkedHashMap<>();
        job.history().forEach(t -> timestamps.putIfAbsent(t.toStatus().apiName(), t.at()));
        String base = "/v1/jobs/" + job.id();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", base);
        if (!job.status().isTerminal()) {
            links.put("cancel", base + "/cancel");
        }
        return new JobView(
                job.id(),
                job.status().apiName(),
                job.model(),
                parse(job.inputJson()),
                parse(job.metadataJson()),
                Money.format(job.estimatedCostUsd()),
                job.costUsd() == null ? null : Money.format(job.costUsd()),
                job.createdAt(),
                job.updatedAt(),
                timestamps,
                files.stream()
                        .map(o -> new JobView.OutputView(
                                o.index(),
                                storage.presignedGet(o.objectKey(), storageProperties.presignTtl()),
                                urlExpiresAt,
                                o.contentType(),
                                o.width(),
                                o.height(),
                                o.bytes(),
                                o.sha256(),
                                o.durationSeconds()))
                        .toList(),
                job.errorCode() == null
                        ? null
                        : new JobView.ErrorView(job.errorCode(), job.errorMessage(), parse(job.errorDetailJson())),
                job.cancelRequestedAt(),
                links);
    }

    private JsonNode parse(String text) {
        return text == null ? null : json.readTree(text);
    }
}
