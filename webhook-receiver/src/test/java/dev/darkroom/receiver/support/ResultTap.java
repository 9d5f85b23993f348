package dev.darkroom.receiver.support;

import dev.darkroom.contracts.messages.FalResultReceived;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * A private queue bound next to {@code receiver.fal-results}: every {@code FalResultReceived} published also lands
 * here. The webhook endpoint answers only after the broker confirmed its publish, so right after an answer this
 * queue holds whatever that request published.
 */
public final class ResultTap {

    private final RabbitTemplate rabbit;
    private final Queue queue;
    private final List<FalResultReceived> seen = new ArrayList<>();

    public ResultTap(RabbitTemplate rabbit, Queue queue) {
        this.rabbit = rabbit;
        this.queue = queue;
    }

    /** Every result published for this job so far. */
    public synchronized List<FalResultReceived> published(UUID jobId) {
        Object message;
        while ((message = rabbit.receiveAndConvert(queue.getName())) != null) {
            seen.add((FalResultReceived) message);
        }
        return seen.stream().filter(r -> jobId.equals(r.jobId())).toList();
    }
}
