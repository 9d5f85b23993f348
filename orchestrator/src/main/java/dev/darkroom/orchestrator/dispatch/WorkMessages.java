package dev.darkroom.orchestrator.dispatch;

import dev.darkroom.contracts.catalog.ModelKind;
import dev.darkroom.contracts.messages.DispatchJob;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.orchestrator.jobs.Job;
import dev.darkroom.orchestrator.outbox.Outbox;
import java.time.Instant;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a job's {@link DispatchJob} to the outbox, for the work queue of its kind: first dispatch and re-dispatch. */
@Component
class WorkMessages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Outbox outbox;

    WorkMessages(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Must run in the transaction that dispatched the job, so the message commits with the state change. */
    void send(Job job, Instant now) {
        String routingKey = job.kind() == ModelKind.VIDEO ? Messaging.WORK_VIDEO : Messaging.WORK_IMAGE;
        outbox.append(
                Messaging.WORK_EXCHANGE,
                routingKey,
                new DispatchJob(
                        job.id(),
                        job.tenantId(),
                        job.model(),
                        JSON.readTree(job.inputJson()),
                        now,
                        job.dispatchAttempts()),
                // a background round dispatches: the message continues the trace the job was created in
                job.traceContext());
    }
}
