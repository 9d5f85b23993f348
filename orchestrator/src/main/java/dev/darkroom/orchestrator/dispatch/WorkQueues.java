package dev.darkroom.orchestrator.dispatch;

import dev.darkroom.contracts.catalog.ModelKind;
import dev.darkroom.contracts.messaging.Messaging;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/** What the broker says about the work queues. */
@Component
public class WorkQueues {

    private final RabbitTemplate rabbit;

    WorkQueues(RabbitTemplate rabbit) {
        this.rabbit = rabbit;
    }

    /**
     * Whether any worker consumes the queue of this kind of job. Without one, a dispatched message is waiting, not
     * lost, and sending it again would only queue a duplicate submission for when the workers return.
     */
    public boolean hasConsumers(ModelKind kind) {
        String queue = kind == ModelKind.VIDEO ? Messaging.WORK_VIDEO_QUEUE : Messaging.WORK_IMAGE_QUEUE;
        Integer consumers = rabbit.execute(ch -> ch.queueDeclarePassive(queue).getConsumerCount());
        return consumers != null && consumers > 0;
    }

    /**
     * Whether {@code JobSubmitted} reports wait in the orchestrator's queue, e.g. after an outage: a job whose submit
     * lease ran out meanwhile may well be at fal, and its report in that backlog.
     */
    public boolean submissionsBacklogged() {
        Integer ready = rabbit.execute(
                ch -> ch.queueDeclarePassive(Messaging.JOB_SUBMITTED_QUEUE).getMessageCount());
        return ready != null && ready > 0;
    }
}
