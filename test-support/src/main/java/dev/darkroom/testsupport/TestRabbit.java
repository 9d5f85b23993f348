package dev.darkroom.testsupport;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.contracts.messaging.Route;
import dev.darkroom.contracts.messaging.Topology;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/**
 * The RabbitMQ broker of this JVM's tests. Modules' test runs share one broker, so a test context starts by
 * deleting every Darkroom queue ({@link #deleteDarkroomQueues()}): no message left by an earlier context is
 * delivered into a later one, and queues are redeclared with whatever arguments the new context wants.
 *
 * @param host the broker's host
 * @param port its AMQP port
 * @param username the AMQP user
 * @param password that user's password
 * @param virtualHost the virtual host ({@code RABBITMQ_VHOST}, default {@code /}); a separate one keeps
 *     concurrent test runs on one broker apart
 */
public record TestRabbit(String host, int port, String username, String password, String virtualHost) {

    private static TestRabbit shared;

    /**
     * The broker for this JVM: {@code RABBITMQ_HOST}/{@code _PORT}/{@code _USER}/{@code _PASSWORD} when set
     * (defaults 5672, guest, guest), otherwise a {@code rabbitmq:4-management-alpine} container started once.
     *
     * @throws IllegalStateException under {@code CI=true} when neither is available
     * @throws org.opentest4j.TestAbortedException elsewhere when neither is available
     */
    public static synchronized TestRabbit shared() {
        if (shared == null) {
            InfraResolver resolver = InfraResolver.system();
            shared = switch (resolver.require(Infra.RABBITMQ)) {
                case ENVIRONMENT -> fromEnvironment(resolver);
                case TESTCONTAINERS -> fromContainer();
                default -> throw new IllegalStateException("RabbitMQ is never in-process");
            };
        }
        return shared;
    }

    static TestRabbit fromEnvironment(InfraResolver resolver) {
        return new TestRabbit(
                resolver.variable("RABBITMQ_HOST"),
                Integer.parseInt(resolver.variable("RABBITMQ_PORT", "5672")),
                resolver.variable("RABBITMQ_USER", "guest"),
                resolver.variable("RABBITMQ_PASSWORD", "guest"),
                resolver.variable("RABBITMQ_VHOST", "/"));
    }

    private static TestRabbit fromContainer() {
        RabbitMQContainer container = new RabbitMQContainer("rabbitmq:4-management-alpine");
        container.start();
        return new TestRabbit(
                container.getHost(),
                container.getAmqpPort(),
                container.getAdminUsername(),
                container.getAdminPassword(),
                "/");
    }

    /** Every queue Darkroom declares: each route's queue and its dead-letter queue. */
    public static List<String> darkroomQueues() {
        List<String> queues = new ArrayList<>();
        for (Route route : Topology.ROUTES) {
            queues.add(route.queue());
            queues.add(Messaging.deadLetterQueue(route.queue()));
        }
        return queues;
    }

    /** A plain AMQP client factory for this broker. */
    public ConnectionFactory connectionFactory() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setVirtualHost(virtualHost);
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(username);
        factory.setPassword(password);
        return factory;
    }

    /** Deletes every Darkroom queue with its messages; a queue that does not exist is fine. */
    public void deleteDarkroomQueues() {
        try (Connection connection = connectionFactory().newConnection("darkroom-test-support")) {
            for (String queue : darkroomQueues()) {
                delete(connection, queue);
            }
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("Cannot reach RabbitMQ at " + host + ":" + port, e);
        }
    }

    private static void delete(Connection connection, String queue) throws IOException, TimeoutException {
        // a fresh channel per queue: a broker that answers 404 closes the channel it was asked on
        Channel channel = connection.createChannel();
        try {
            channel.queueDelete(queue);
            channel.close();
        } catch (IOException e) {
            if (!notFound(e)) {
                throw e;
            }
        }
    }

    private static boolean notFound(IOException e) {
        return e.getCause() instanceof ShutdownSignalException signal
                && signal.getReason() instanceof AMQP.Channel.Close close
                && close.getReplyCode() == AMQP.NOT_FOUND;
    }
}
