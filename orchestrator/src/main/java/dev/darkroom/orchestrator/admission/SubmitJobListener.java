package dev.darkroom.orchestrator.admission;

import dev.darkroom.contracts.messages.SubmitJob;
import dev.darkroom.contracts.messages.SubmitJobReply;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.orchestrator.dispatch.Dispatcher;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Admits {@link SubmitJob} commands and replies to the gateway (the reply goes to the command's reply-to). The
 * command is acknowledged after the admission transaction commits and the reply is sent; a redelivery after a crash
 * finds the committed job and replies with it.
 */
@Component
class SubmitJobListener {

    private final Admission admission;
    private final Dispatcher dispatcher;

    SubmitJobListener(Admission admission, Dispatcher dispatcher) {
        this.admission = admission;
        this.dispatcher = dispatcher;
    }

    @RabbitListener(queues = Messaging.SUBMIT_JOB_QUEUE, concurrency = "${darkroom.admission.consumers:4-8}")
    SubmitJobReply submit(SubmitJob command) {
        SubmitJobReply reply = admission.admit(command);
        if (reply.rejection() == null) {
            dispatcher.nudge();
        }
        return reply;
    }
}
