package dev.darkroom.worker.core.submit;

import dev.darkroom.contracts.messages.DispatchJob;
import dev.darkroom.contracts.messages.SubmitLeaseReply;
import dev.darkroom.contracts.messages.TakeSubmitLease;
import dev.darkroom.contracts.messaging.Messaging;
import java.time.Duration;
import org.springframework.amqp.AmqpTimeoutException;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.core.ParameterizedTypeReference;

/**
 * Asks the orchestrator, request-reply over the broker, for the submit lease of a dispatch before the worker calls
 * fal. No answer (the orchestrator is down) is a transient failure: the listener retries, and the request expires
 * in the broker with the wait so a late grant never goes to a holder that stopped waiting.
 */
final class SubmitLeaseClient {

    private final RabbitTemplate rabbit;
    private final Duration timeout;

    SubmitLeaseClient(RabbitTemplate rabbit, Duration timeout) {
        this.rabbit = rabbit;
        this.timeout = timeout;
    }

    /** Whether this holder may submit this dispatch to fal now. */
    boolean take(DispatchJob job, String holder) {
        SubmitLeaseReply reply = rabbit.convertSendAndReceiveAsType(
                Messaging.COMMANDS_EXCHANGE,
                Messaging.TAKE_SUBMIT_LEASE,
                new TakeSubmitLease(job.jobId(), job.attempt(), holder),
                m -> {
                    m.getMessageProperties().setExpiration(String.valueOf(timeout.toMillis()));
                    return m;
                },
                new ParameterizedTypeReference<SubmitLeaseReply>() {});
        if (reply == null) {
            throw new AmqpTimeoutException("the orchestrator did not answer the submit lease request of job "
                    + job.jobId() + " within the reply timeout");
        }
        return reply.granted();
    }
}
