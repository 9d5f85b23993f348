package dev.darkroom.support.amqp;

import static dev.darkroom.contracts.messaging.Messaging.COMMANDS_EXCHANGE;
import static dev.darkroom.contracts.messaging.Messaging.DEAD_LETTER_EXCHANGE;
import static dev.darkroom.contracts.messaging.Messaging.EVENTS_EXCHANGE;
import static dev.darkroom.contracts.messaging.Messaging.WORK_EXCHANGE;
import static dev.darkroom.contracts.messaging.Messaging.deadLetterQueue;

import dev.darkroom.contracts.messaging.Route;
import dev.darkroom.contracts.messaging.Topology;
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

/** Spring AMQP's declarations of the {@link Topology} in {@code contracts}: exchanges, queues, dead-letter queues. */
public final class TopologyDeclarables {

    private TopologyDeclarables() {}

    /**
     * The exchanges, queues, dead-letter queues and bindings.
     *
     * @param rabbitMqFeatures quorum queues with a broker-side delivery limit and dead-lettering; false for brokers
     *     that refuse RabbitMQ's queue arguments (the embedded broker of a local run), where the application's retry
     *     recoverer still moves poison messages to the dead-letter queues
     * @param deliveryLimit redeliveries RabbitMQ allows before it dead-letters a message
     */
    public static Declarables of(boolean rabbitMqFeatures, int deliveryLimit) {
        List<Declarable> all = new ArrayList<>();
        Exchange dlx = new DirectExchange(DEAD_LETTER_EXCHANGE, true, false);
        all.add(new DirectExchange(COMMANDS_EXCHANGE, true, false));
        all.add(new DirectExchange(WORK_EXCHANGE, true, false));
        all.add(new TopicExchange(EVENTS_EXCHANGE, true, false));
        all.add(dlx);
        for (Route route : Topology.ROUTES) {
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
