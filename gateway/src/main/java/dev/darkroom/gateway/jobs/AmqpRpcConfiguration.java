package dev.darkroom.gateway.jobs;

import dev.darkroom.gateway.GatewayProperties;
import org.springframework.amqp.core.Base64UrlNamingStrategy;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.AsyncRabbitTemplate;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The RPC client. Replies come to a queue of this gateway instance (exclusive, deleted with the connection)
 * rather than RabbitMQ's direct reply-to, which brokers other than RabbitMQ (the embedded one of a local run) lack.
 */
@Configuration(proxyBeanMethods = false)
class AmqpRpcConfiguration {

    /**
     * Not an {@code AnonymousQueue}: Spring AMQP 4 gives those a queue-leader-locator argument that classic queues
     * of RabbitMQ 3.10 refuse.
     */
    @Bean
    Queue gatewayReplyQueue() {
        return new Queue(new Base64UrlNamingStrategy("gateway.replies.").generateName(), false, true, true);
    }

    @Bean
    SimpleMessageListenerContainer gatewayReplyContainer(ConnectionFactory connections, Queue gatewayReplyQueue) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
        container.setQueues(gatewayReplyQueue);
        // built by hand, so Boot's spring.rabbitmq.listener.simple.observation-enabled does not reach it
        container.setObservationEnabled(true);
        return container;
    }

    /**
     * The template's own reply timeout is a backstop: a submission waits up to {@code submitTimeout} for the
     * broker's confirm and then up to {@code submitTimeout} for the reply, and answers 202 when the reply is late.
     */
    @Bean
    AsyncRabbitTemplate asyncRabbitTemplate(
            RabbitTemplate rabbit,
            SimpleMessageListenerContainer gatewayReplyContainer,
            Queue gatewayReplyQueue,
            GatewayProperties properties) {
        AsyncRabbitTemplate template =
                new AsyncRabbitTemplate(rabbit, gatewayReplyContainer, gatewayReplyQueue.getName());
        template.setEnableConfirms(true);
        template.setMandatory(true);
        template.setReceiveTimeout(
                properties.submitTimeout().multipliedBy(2).plusSeconds(1).toMillis());
        return template;
    }
}
