package dev.darkroom.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.contracts.messaging.Route;
import dev.darkroom.contracts.messaging.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@DarkroomInfra(Infra.RABBITMQ)
class TestRabbitTest {

    private final TestRabbit rabbit = TestRabbit.shared();

    @Test
    void namesEveryQueueOfTheTopologyAndItsDeadLetterQueue() {
        assertThat(TestRabbit.darkroomQueues())
                .hasSize(2 * Topology.ROUTES.size())
                .doesNotHaveDuplicates();
        for (Route route : Topology.ROUTES) {
            assertThat(TestRabbit.darkroomQueues()).contains(route.queue(), Messaging.deadLetterQueue(route.queue()));
        }
    }

    @Test
    void deletingTheQueuesDropsTheirMessagesAndToleratesMissingOnes() throws Exception {
        // start clean: another test may have declared the queue with the topology's arguments
        rabbit.deleteDarkroomQueues();
        try (Connection connection = rabbit.connectionFactory().newConnection()) {
            Channel channel = connection.createChannel();
            channel.queueDeclare(Messaging.WORK_IMAGE_QUEUE, true, false, false, null);
            channel.confirmSelect();
            channel.basicPublish(
                    "",
                    Messaging.WORK_IMAGE_QUEUE,
                    MessageProperties.PERSISTENT_BASIC,
                    "left over".getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(5_000);
            assertThat(channel.queueDeclarePassive(Messaging.WORK_IMAGE_QUEUE).getMessageCount())
                    .isEqualTo(1);

            rabbit.deleteDarkroomQueues();
            rabbit.deleteDarkroomQueues(); // again: every queue is missing now, which is fine

            Channel probe = connection.createChannel();
            assertThatThrownBy(() -> probe.queueDeclarePassive(Messaging.WORK_IMAGE_QUEUE))
                    .isInstanceOf(IOException.class)
                    .hasStackTraceContaining("NOT_FOUND");
        }
    }
}
