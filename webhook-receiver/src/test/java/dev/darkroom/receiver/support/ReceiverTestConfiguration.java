package dev.darkroom.receiver.support;

import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.testsupport.MutableClock;
import java.util.UUID;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/** What the receiver's integration tests add to the service: the fake orchestrator, a movable clock, taps. */
@TestConfiguration(proxyBeanMethods = false)
@Import({FakeOrchestrator.class, WebhookCapture.class})
public class ReceiverTestConfiguration {

    @Bean
    @Primary
    MutableClock testClock() {
        return MutableClock.system();
    }

    /** Exclusive and auto-deleted; no arguments (Spring's AnonymousQueue sets one RabbitMQ 3.10 refuses). */
    @Bean
    Queue resultTapQueue() {
        return new Queue("receiver-test-tap-" + UUID.randomUUID(), false, true, true);
    }

    @Bean
    Binding resultTapBinding(Queue resultTapQueue) {
        return new Binding(
                resultTapQueue.getName(),
                Binding.DestinationType.QUEUE,
                Messaging.EVENTS_EXCHANGE,
                Messaging.FAL_RESULT_RECEIVED,
                null);
    }

    @Bean
    ResultTap resultTap(RabbitTemplate rabbit, Queue resultTapQueue) {
        return new ResultTap(rabbit, resultTapQueue);
    }
}
