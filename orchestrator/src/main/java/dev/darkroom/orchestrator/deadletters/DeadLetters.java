package dev.darkroom.orchestrator.deadletters;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.contracts.messaging.Route;
import dev.darkroom.contracts.messaging.Topology;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads and re-drives dead-letter queues with plain channel operations, so a message is acknowledged off the
 * dead-letter queue only after the broker confirmed its copy back on the work queue.
 */
@Component
class DeadLetters {

    private final RabbitTemplate rabbit;

    DeadLetters(RabbitTemplate rabbit) {
        this.rabbit = rabbit;
    }

    /** The route of a work queue, by its name. */
    static Optional<Route> route(String queue) {
        return Topology.ROUTES.stream().filter(r -> r.queue().equals(queue)).findFirst();
    }

    long depth(String queue) {
        return rabbit.execute(ch ->
                (long) ch.queueDeclarePassive(Messaging.deadLetterQueue(queue)).getMessageCount());
    }

    /**
     * A peek at a dead-lettered message.
     *
     * @param messageId its id, if it has one
     * @param reason why it was dead-lettered (the listener's exception, or RabbitMQ's reason)
     * @param body its body, truncated to 2 KB
     */
    record Letter(String messageId, String reason, String body) {}

    /** Up to {@code limit} messages, returned to the queue unchanged. */
    List<Letter> peek(String queue, int limit) {
        return rabbit.execute(ch -> {
            List<Letter> letters = new ArrayList<>();
            List<Long> tags = new ArrayList<>();
            for (int i = 0; i < limit; i++) {
                GetResponse r = ch.basicGet(Messaging.deadLetterQueue(queue), false);
                if (r == null) {
                    break;
                }
                tags.add(r.getEnvelope().getDeliveryTag());
                String body = new String(r.getBody(), StandardCharsets.UTF_8);
                letters.add(new Letter(
                        r.getProps().getMessageId(),
                        reason(r.getProps()),
                        body.length() > 2048 ? body.substring(0, 2048) : body));
            }
            for (long tag : tags) {
                ch.basicNack(tag, false, true);
            }
            return letters;
        });
    }

    /** Moves up to {@code limit} messages back to their work queue; returns how many. */
    int redrive(Route route, int limit) {
        return rabbit.execute(ch -> {
            ch.confirmSelect();
            int moved = 0;
            for (; moved < limit; moved++) {
                GetResponse r = ch.basicGet(Messaging.deadLetterQueue(route.queue()), false);
                if (r == null) {
                    break;
                }
                publish(ch, route, r);
                ch.basicAck(r.getEnvelope().getDeliveryTag(), false);
            }
            return moved;
        });
    }

    private static void publish(Channel ch, Route route, GetResponse r) throws Exception {
        Map<String, Object> headers = new HashMap<>();
        if (r.getProps().getHeaders() != null) {
            r.getProps().getHeaders().forEach((k, v) -> {
                if (!k.startsWith("x-death")
                        && !k.startsWith("x-first-death")
                        && !k.startsWith("x-last-death")
                        && !k.startsWith("x-exception")) {
                    headers.put(k, v);
                }
            });
        }
        headers.put("x-redriven", Boolean.TRUE);
        AMQP.BasicProperties props =
                r.getProps().builder().headers(headers).deliveryMode(2).build();
        ch.basicPublish(route.exchange(), route.routingKey(), true, props, r.getBody());
        ch.waitForConfirmsOrDie(10_000);
    }

    private static String reason(AMQP.BasicProperties props) {
        Map<String, Object> h = props.getHeaders();
        if (h == null) {
            return null;
        }
        Object exception = h.get("x-exception-message");
        Object death = h.get("x-first-death-reason");
        return exception != null ? exception.toString() : death != null ? death.toString() : null;
    }
}
