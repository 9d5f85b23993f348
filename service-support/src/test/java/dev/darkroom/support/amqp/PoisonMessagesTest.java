package dev.darkroom.support.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.rabbit.support.ListenerExecutionFailedException;
import org.springframework.amqp.support.converter.MessageConversionException;

class PoisonMessagesTest {

    final PoisonMessages worthRetrying = new PoisonMessages();

    @Test
    void aPoisonMessageIsNotRetriedEvenWhenTheListenerWrapsIt() {
        var wrapped = new ListenerExecutionFailedException(
                "listener threw", new AmqpRejectAndDontRequeueException("unknown model"));

        assertThat(worthRetrying.test(wrapped)).isFalse();
    }

    @Test
    void anUnreadableMessageIsNotRetried() {
        assertThat(worthRetrying.test(new ListenerExecutionFailedException(
                        "listener threw", new MessageConversionException("not JSON"))))
                .isFalse();
    }

    @Test
    void aTransientFailureIsRetried() {
        var wrapped = new ListenerExecutionFailedException("listener threw", new IOException("orchestrator down"));

        assertThat(worthRetrying.test(wrapped)).isTrue();
    }
}
