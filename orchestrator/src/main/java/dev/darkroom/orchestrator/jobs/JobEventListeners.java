package dev.darkroom.orchestrator.jobs;

import dev.darkroom.contracts.messages.JobCompleted;
import dev.darkroom.contracts.messages.JobFailed;
import dev.darkroom.contracts.messages.JobSubmitted;
import dev.darkroom.contracts.messaging.Messaging;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the workers' and webhook-receiver's job events. Each is acknowledged after its transaction commits; an
 * optimistic-lock clash with a concurrent change is retried by the listener's retry policy on fresh state.
 */
@Component
class JobEventListeners {

    private final JobLifecycle lifecycle;

    JobEventListeners(JobLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @RabbitListener(queues = Messaging.JOB_SUBMITTED_QUEUE)
    void submitted(JobSubmitted event) {
        lifecycle.submitted(event);
    }

    @RabbitListener(queues = Messaging.JOB_COMPLETED_QUEUE)
    void completed(JobCompleted event) {
        lifecycle.completed(event);
    }

    @RabbitListener(queues = Messaging.JOB_FAILED_QUEUE)
    void failed(JobFailed event) {
        lifecycle.failed(event);
    }
}
