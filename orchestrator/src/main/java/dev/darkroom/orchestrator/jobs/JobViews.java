package dev.darkroom.orchestrator.jobs;

import dev.darkroom.contracts.jobs.JobStatus;
import dev.darkroom.contracts.jobs.JobView;
import dev.darkroom.orchestrator.api.Money;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Renders jobs for the API and webhooks, with the stable URLs of their outputs. */
@Component
public class JobViews {

    private final JobOutputRepository outputs;
    private final OutputLinks outputLinks;
    private final JsonMapper json;

    JobViews(JobOutputRepository outputs, OutputLinks outputLinks, JsonMapper json) {
        this.outputs = outputs;
        this.outputLinks = outputLinks;
        this.json = json;
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
        return jobs.stream()
                .map(j -> render(j, byJob.getOrDefault(j.id(), List.of())))
                .toList();
    }

    private JobView render(Job job, List<JobOutput> files) {
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
                                outputLinks.url(job.id(), o.index()),
                                o.contentType(),
                                o.width(),
                                o.height(),
                                o.bytes(),
                                o.sha256(),
                                o.durationSeconds(),
                                o.nsfw()))
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
