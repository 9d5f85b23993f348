package dev.darkroom.orchestrator.dispatch;

import dev.darkroom.contracts.jobs.JobStatus;
import dev.darkroom.orchestrator.jobs.Job;
import dev.darkroom.orchestrator.jobs.JobRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Sends a dispatched job to its work queue again, for the reconciler when no worker reported it. */
@Component
public class Redispatch {

    private final JobRepository jobs;
    private final WorkMessages messages;
    private final DispatchProperties properties;
    private final Clock clock;

    Redispatch(JobRepository jobs, WorkMessages messages, DispatchProperties properties, Clock clock) {
        this.jobs = jobs;
        this.messages = messages;
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
        messages.send(job, now);
    }
}
