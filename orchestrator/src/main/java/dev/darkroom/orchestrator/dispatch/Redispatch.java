package dev.darkroom.orchestrator.dispatch;

import dev.darkroom.contracts.catalog.ModelKind;
import dev.darkroom.contracts.jobs.JobStatus;
import dev.darkroom.contracts.messages.DispatchJob;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.orchestrator.jobs.Job;
import dev.darkroom.orchestrator.jobs.JobRepository;
import dev.darkroom.orchestrator.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Sends a dispatched job to its work queue again, for the reconciler when no worker reported it. */
@Component
public class Redispatch {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JobRepository jobs;
    private final Outbox outbox;
    private final DispatchProperties properties;
    private final Clock clock;

    Redispatch(JobRepository jobs, Outbox outbox, DispatchProperties properties, Clock clock) {
        this.jobs = jobs;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public void redispatch(UUID jobId) {
        Job job = jobs.findById(jobId).orElse(null);
        if (job == null || job.status() != JobStatus.DISPATCHED) {
            return;
        }
        Instant now = clock.instant();
        job.redispatch(now, now.plus(properties.workerTimeout()));
        outbox.append(Messaging.WORK_EXCHANGE, routingKey(job), message(job, now), job.traceContext());
    }

    static String routingKey(Job job) {
        return job.kind() == ModelKind.VIDEO ? Messaging.WORK_VIDEO : Messaging.WORK_IMAGE;
    }

    static DispatchJob message(Job job, Instant now) {
        return new DispatchJob(job.id(), job.tenantId(), job.model(), JSON.readTree(job.inputJson()), now);
    }
}
