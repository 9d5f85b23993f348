package dev.darkroom.support.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.darkroom.contracts.messaging.Messaging;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.ImmediateRequeueAmqpException;
import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.support.ListenerExecutionFailedException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

class DeadLetterRecovererTest {

    final AmqpTemplate template = mock(AmqpTemplate.class);
    final DeadLetterRecoverer recoverer = new DeadLetterRecoverer(template);

    @Test
    void aMessageThatFailedBecausePostgresWasAwayGoesBackToItsQueue() {
        var cause = new ListenerExecutionFailedException(
                "listener threw",
                new CannotCreateTransactionException("no connection", new ConnectException("refused")));

        assertThatThrownBy(() -> recoverer.recover(message(), cause)).isInstanceOf(ImmediateRequeueAmqpException.class);
        verify(template, never()).send(anyString(), anyString(), any(Message.class));
    }

    @Test
    void aMessageThatFailsOnItsOwnGoesToTheDeadLetterQueueOfItsQueue() {
        var cause = new ListenerExecutionFailedException(
                "listener threw", new DataIntegrityViolationException("violates a check constraint"));

        recoverer.recover(message(), cause);

        verify(template).send(eq(Messaging.DEAD_LETTER_EXCHANGE), eq(Messaging.SUBMIT_JOB_QUEUE), any(Message.class));
    }

    @Test
    void transientMeansTheDependencyNotTheMessage() {
        var transientFailures = new TransientFailures();

        assertThat(transientFailures.test(new RuntimeException(new java.sql.SQLTransientConnectionException())))
                .isTrue();
        assertThat(transientFailures.test(new IllegalArgumentException("bad input")))
                .isFalse();
    }

    private static Message message() {
        MessageProperties properties = new MessageProperties();
        properties.setConsumerQueue(Messaging.SUBMIT_JOB_QUEUE);
        properties.setMessageId("m-1");
        return new Message("{}".getBytes(), properties);
    }
}
