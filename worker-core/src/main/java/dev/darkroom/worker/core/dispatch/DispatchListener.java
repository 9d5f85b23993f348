package dev.darkroom.worker.core.dispatch;

import dev.darkroom.contracts.messages.DispatchJob;
import dev.darkroom.worker.core.submit.SubmissionHandler;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListenerConfigurer;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerEndpoint;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistrar;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.amqp.support.converter.MessageConverter;

/**
 * Consumes the worker's work queue with Boot's listener container factory, so acknowledge mode, prefetch, retry with
 * backoff and the dead-letter recoverer all come from {@code spring.rabbitmq.listener.simple.*}. The queue follows
 * from {@code darkroom.worker.kind}, so its name lives only in {@code contracts}.
 */
final class DispatchListener implements RabbitListenerConfigurer {

    /** The listener container's id, for the registry and actuator. */
    static final String ID = "darkroom-worker-dispatch";

    private final String queue;
    private final int concurrency;
    private final MessageConverter converter;
    private final SubmissionHandler handler;

    DispatchListener(String queue, int concurrency, MessageConverter converter, SubmissionHandler handler) {
        this.queue = queue;
        this.concurrency = concurrency;
        this.converter = converter;
        this.handler = handler;
    }

    @Override
    public void configureRabbitListeners(RabbitListenerEndpointRegistrar registrar) {
        SimpleRabbitListenerEndpoint endpoint = new SimpleRabbitListenerEndpoint();
        endpoint.setId(ID);
        endpoint.setQueueNames(queue);
        endpoint.setConcurrency(String.valueOf(concurrency));
        endpoint.setMessageListener(this::onMessage);
        registrar.registerEndpoint(endpoint);
    }

    void onMessage(Message message) {
        // one delivery: the listener's own retries reuse it, a redelivery by the broker gets a new tag
        String holder = message.getMessageProperties().getConsumerTag() + "/"
                + message.getMessageProperties().getDeliveryTag();
        handler.handle(read(message), holder);
    }

    private DispatchJob read(Message message) {
        message.getMessageProperties().setInferredArgumentType(DispatchJob.class);
        Object payload;
        try {
            payload = converter.fromMessage(message);
        } catch (MessageConversionException | IllegalArgumentException e) {
            throw new AmqpRejectAndDontRequeueException("unreadable DispatchJob on " + queue, e);
        }
        if (!(payload instanceof DispatchJob job)) {
            throw new AmqpRejectAndDontRequeueException("not a DispatchJob on " + queue + ": "
                    + (payload == null ? "null" : payload.getClass().getName()));
        }
        return job;
    }
}
