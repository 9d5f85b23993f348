package dev.darkroom.contracts.messaging;

import static dev.darkroom.contracts.messaging.Messaging.*;

import java.util.ArrayList;
import java.util.List;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;

/**
 * Declares Darkroom's whole broker topology. Every service declares all of it, so a message published while its
 * consumer has never started still lands in a durable queue instead of being unroutable.
 */
public final class Topology {

    /** Every queue and its binding. Each also gets a dead-letter queue. */
    public static final List<Route> ROUTES = List.of(
            new Route(SUBMIT_JOB_QUEUE, COMMANDS_EXCHANGE, SUBMIT_JOB),
            new Route(SUBMIT_LEASE_QUEUE, COMMANDS_EXCHANGE, TAKE_SUBMIT_LEASE),
            new Route(WORK_IMAGE_QUEUE, WORK_EXCHANGE, WORK_IMAGE),
            new Route(WORK_VIDEO_QUEUE, WORK_EXCHANGE, WORK_VIDEO),
            new Route(JOB_SUBMITTED_QUEUE, EVENTS_EXCHANGE, JOB_SUBMITTED),
            new Route(JOB_COMPLETED_QUEUE, EVENTS_EXCHANGE, JOB_COMPLETED),
            new Route(JOB_FAILED_QUEUE, EVENTS_EXCHANGE, JOB_FAILED),
            new Route(FAL_RESULTS_QUEUE, EVENTS_EXCHANGE, FAL_RESULT_RECEIVED));

    private Topology() {}

    /**
     * The exchanges, queues, dead-letter queues and bindings.
     *
     * @param rabbitMqFeatures quorum queues with a broker-side delivery limit and dead-lettering; false for brokers
     *     that refuse RabbitMQ's queue arguments (the embedded broker of a local run), where the application's retry
     *     recoverer still moves poison messages to the dead-letter queues
     * @param deliveryLimit redeliveries RabbitMQ allows before it dead-letters a message
     */
    public static Declarables declarables(boolean rabbitMqFeatures, int deliveryLimit) {
        List<Declarable> all = new ArrayList<>();
        Exchange dlx = new DirectExchange(DEAD_LETTER_EXCHANGE, true, false);
        all.add(new DirectExchange(COMMANDS_EXCHANGE, true, false));
        all.add(new DirectExchange(WORK_EXCHANGE, true, false));
        all.add(new TopicExchange(EVENTS_EXCHANGE, true, false));
        all.add(dlx);
        for (Route route : ROUTES) {
            Queue queue = queue(route.queue(), rabbitMqFeatures, deliveryLimit);
            Queue dlq = queue(deadLetterQueue(route.queue()), rabbitMqFeatures, 0);
            all.add(queue);
            all.add(dlq);
            all.add(BindingBuilder.bind(queue)
                    .to(exchange(all, route.exchange()))
                    .with(route.routingKey())
                    .noargs());
            all.add(BindingBuilder.bind(dlq).to(dlx).with(route.queue()).noargs());
        }
        return new Declarables(all);
    }

    private static Queue queue(String name, boolean rabbitMqFeatures, int deliveryLimit) {
        QueueBuilder builder = QueueBuilder.durable(name);
        if (rabbitMqFeatures) {
            builder.quorum();
            if (deliveryLimit > 0) {
                builder.deliveryLimit(deliveryLimit)
                        .deadLetterExchange(DEAD_LETTER_EXCHANGE)
                        .deadLetterRoutingKey(name);
            }
        }
        return builder.build();
    }

    private static Exchange exchange(List<Declarable> all, String name) {
        return all.stream()
                .filter(d -> d instanceof Exchange e && e.getName().equals(name))
                .map(Exchange.class::cast)
                .findFirst()
                .orElseThrow();
    }
}
