package dev.darkroom.worker.core.support;

import static org.awaitility.Awaitility.await;

import dev.darkroom.contracts.messages.DispatchJob;
import dev.darkroom.contracts.messaging.Messaging;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * The broker from the orchestrator's side: dispatches jobs to the work exchange and watches what a worker publishes.
 * It watches through private queues bound exactly like the orchestrator's queues ({@code job.submitted}, {@code
 * job.failed} on the events exchange) and the work queue's dead-letter queue: on a broker that other test JVMs share,
 * those named queues may be consumed or deleted and redeclared by another context at any moment, a private queue is
 * not. Events of other jobs are skipped, so each test sees only its own.
 */
public final class Broker implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final RabbitTemplate rabbit;
    private final RabbitAdmin admin;
    private final Queue events = privateQueue("events");
    private final Queue deadLetters = privateQueue("dead-letters");

    public Broker(RabbitTemplate rabbit, String workQueue) {
        this.rabbit = rabbit;
        this.admin = new RabbitAdmin(rabbit);
        // declared as the topology declares them: on a fresh broker no worker may have run yet
        TopicExchange eventsExchange = new TopicExchange(Messaging.EVENTS_EXCHANGE, true, false);
        DirectExchange deadLetterExchange = new DirectExchange(Messaging.DEAD_LETTER_EXCHANGE, true, false);
        admin.declareExchange(eventsExchange);
        admin.declareExchange(deadLetterExchange);
        admin.declareQueue(events);
        admin.declareBinding(bind(events, eventsExchange, Messaging.JOB_SUBMITTED));
        admin.declareBinding(bind(events, eventsExchange, Messaging.JOB_FAILED));
        admin.declareQueue(deadLetters);
        admin.declareBinding(
                BindingBuilder.bind(deadLetters).to(deadLetterExchange).with(workQueue));
    }

    /**
     * Non-durable and exclusive: gone with the connection at the latest. Not auto-delete, because every timed
     * {@code receive} is a consumer that comes and goes; not {@code AnonymousQueue}, which asks for a leader locator
     * that RabbitMQ 3.10 refuses on classic queues.
     */
    private static Queue privateQueue(String what) {
        return new Queue("worker-test." + what + "." + UUID.randomUUID(), false, true, false);
    }

    /** Deletes the private queues. */
    @Override
    public void close() {
        admin.deleteQueue(events.getName());
        admin.deleteQueue(deadLetters.getName());
    }

    private static Binding bind(Queue queue, TopicExchange exchange, String routingKey) {
        return BindingBuilder.bind(queue).to(exchange).with(routingKey);
    }

    public void dispatch(String routingKey, DispatchJob job) {
        rabbit.convertAndSend(Messaging.WORK_EXCHANGE, routingKey, job);
    }

    /** Sends raw bytes as a DispatchJob would travel. */
    public void dispatchRaw(String routingKey, byte[] body) {
        rabbit.send(
                Messaging.WORK_EXCHANGE,
                routingKey,
                MessageBuilder.withBody(body)
                        .setContentType("application/json")
                        .setHeader("__TypeId__", DispatchJob.class.getName())
                        .build());
    }

    /** Waits for this job's event ({@code JobSubmitted} or {@code JobFailed}) of the given type. */
    public <T> T awaitEvent(Class<T> type, UUID jobId, Function<T, UUID> jobIdOf) {
        AtomicReference<T> found = new AtomicReference<>();
        await().atMost(PATIENCE).until(() -> {
            Object next = rabbit.receiveAndConvert(events.getName(), 200);
            if (type.isInstance(next) && jobId.equals(jobIdOf.apply(type.cast(next)))) {
                found.set(type.cast(next));
            }
            return found.get() != null;
        });
        return found.get();
    }

    /** Waits for a dead-lettered message of the work queue whose body mentions {@code text}, e.g. a job id. */
    public Message awaitDeadLetter(String text) {
        AtomicReference<Message> found = new AtomicReference<>();
        await().atMost(PATIENCE).until(() -> {
            Message next = rabbit.receive(deadLetters.getName(), 200);
            if (next != null && new String(next.getBody(), StandardCharsets.UTF_8).contains(text)) {
                found.set(next);
            }
            return found.get() != null;
        });
        return found.get();
    }
}
