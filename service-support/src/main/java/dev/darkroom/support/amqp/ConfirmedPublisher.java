package dev.darkroom.support.amqp;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.ReturnedMessage;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes a message and returns only once the broker has confirmed it: persisted (durable queues) and routed.
 * Callers ack their own input or mark an outbox row sent only after this returns.
 */
public class ConfirmedPublisher {

    private final RabbitTemplate rabbit;
    private final Duration timeout;

    public ConfirmedPublisher(RabbitTemplate rabbit, Duration timeout) {
        this.rabbit = rabbit;
        this.timeout = timeout;
    }

    /** Publishes {@code message} as JSON and waits for the confirm. */
    public void publish(String exchange, String routingKey, Object message) {
        CorrelationData correlation = new CorrelationData(UUID.randomUUID().toString());
        rabbit.convertAndSend(exchange, routingKey, message, correlation);
        await(correlation, exchange, routingKey);
    }

    /** Publishes a pre-serialised JSON payload, as the outbox relay stores it. */
    public void publishJson(String exchange, String routingKey, String typeId, byte[] json, String messageId) {
        Message message = MessageBuilder.withBody(json)
                .setContentType("application/json")
                .setContentEncoding("UTF-8")
                .setMessageId(messageId)
                .setHeader("__TypeId__", typeId)
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .build();
        CorrelationData correlation = new CorrelationData(messageId);
        rabbit.send(exchange, routingKey, message, correlation);
        await(correlation, exchange, routingKey);
    }

    private void await(CorrelationData correlation, String exchange, String routingKey) {
        try {
            CorrelationData.Confirm confirm = correlation.getFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!confirm.ack()) {
                throw new PublishFailedException(
                        "broker nacked " + routingKey + " on " + exchange + ": " + confirm.reason(), null);
            }
            ReturnedMessage returned = correlation.getReturned();
            if (returned != null) {
                throw new PublishFailedException(
                        "unroutable " + routingKey + " on " + exchange + ": " + returned.getReplyText(), null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted waiting for a confirm", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishFailedException("no confirm for " + routingKey + " on " + exchange, e);
        }
    }
}
