package dev.darkroom.support.amqp;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Broker settings shared by every service.
 *
 * @param rabbitmqFeatures declare quorum queues with a delivery limit and dead-lettering (RabbitMQ); false for a
 *     broker that refuses RabbitMQ-only queue arguments, such as the embedded broker of a local run
 * @param deliveryLimit redeliveries RabbitMQ allows before dead-lettering a message (crash loops, poison)
 * @param confirmTimeout how long a publish waits for the broker's confirm before it counts as failed
 * @param shutdownTimeout how long a stopping listener finishes the messages in hand before it gives up on them
 */
@ConfigurationProperties("darkroom.amqp")
public record AmqpProperties(
        @DefaultValue("true") boolean rabbitmqFeatures,
        @DefaultValue("5") int deliveryLimit,
        @DefaultValue("10s") Duration confirmTimeout,
        @DefaultValue("25s") Duration shutdownTimeout) {}
