package dev.darkroom.support.amqp;

import dev.darkroom.contracts.messaging.Messaging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.ImmediateRequeueAmqpException;
import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.retry.RepublishMessageRecoverer;
import org.springframework.core.NestedExceptionUtils;

/**
 * After a listener's retries are spent, moves the message to its queue's dead-letter queue: the dead-letter
 * exchange keyed by the consuming queue's name, the same route RabbitMQ's own delivery limit uses. Works on
 * brokers without RabbitMQ's queue arguments too. The exception travels in the {@code x-exception-*} headers.
 *
 * <p>A message whose retries failed only because a dependency was briefly away ({@link TransientFailures}) goes back
 * to its queue instead: dead-lettering it would turn a database restart into lost work for an operator to replay.
 */
public class DeadLetterRecoverer extends RepublishMessageRecoverer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);
    private static final TransientFailures TRANSIENT = new TransientFailures();

    public DeadLetterRecoverer(AmqpTemplate template) {
        super(template, Messaging.DEAD_LETTER_EXCHANGE);
    }

    @Override
    public void recover(Message message, Throwable cause) {
        if (TRANSIENT.test(cause)) {
            log.warn(
                    "requeueing message {} from {}: a dependency is unavailable: {}",
                    message.getMessageProperties().getMessageId(),
                    message.getMessageProperties().getConsumerQueue(),
                    mostSpecific(cause));
            throw new ImmediateRequeueAmqpException("dependency unavailable; requeued", cause);
        }
        log.warn(
                "dead-lettering message {} from {} after its retries: {}",
                message.getMessageProperties().getMessageId(),
                message.getMessageProperties().getConsumerQueue(),
                mostSpecific(cause),
                cause);
        super.recover(message, cause);
    }

    private static String mostSpecific(Throwable t) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(t);
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    protected String prefixedOriginalRoutingKey(Message message) {
        String queue = message.getMessageProperties().getConsumerQueue();
        return queue != null ? queue : super.prefixedOriginalRoutingKey(message);
    }
}
