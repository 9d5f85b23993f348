package dev.darkroom.orchestrator.admission;

import dev.darkroom.contracts.messages.SubmitJob;
import dev.darkroom.contracts.messages.SubmitJobReply;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.orchestrator.dispatch.Dispatcher;
import dev.darkroom.support.tracing.TraceContexts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Admits {@link SubmitJob} commands and replies to the gateway (the reply goes to the command's reply-to). The
 * command is acknowledged after the admission transaction commits and the reply is sent; a redelivery after a crash
 * finds the committed job and replies with it. {@code darkroom_admission_seconds} times the transaction, and
 * {@code darkroom_admission_wait_seconds} the command's wait from the gateway to here.
 */
@Component
class SubmitJobListener {

    private static final Logger log = LoggerFactory.getLogger(SubmitJobListener.class);

    private final Admission admission;
    private final Dispatcher dispatcher;
    private final TraceContexts traces;
    private final MeterRegistry meters;

    SubmitJobListener(Admission admission, Dispatcher dispatcher, TraceContexts traces, MeterRegistry meters) {
        this.traces = traces;
        this.admission = admission;
        this.dispatcher = dispatcher;
        this.meters = meters;
    }

    @RabbitListener(queues = Messaging.SUBMIT_JOB_QUEUE, concurrency = "${darkroom.admission.consumers:2-4}")
    SubmitJobReply submit(SubmitJob command) {
        Instant received = Instant.now();
        long start = System.nanoTime();
        SubmitJobReply reply;
        // the job's and tenant's ids travel with the trace from here: every later log line of the job carries them
        try (TraceContexts.JobScope scope = traces.job(command.jobId(), command.tenantId())) {
            reply = admission.admit(command);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String outcome =
                reply.rejection() == null ? "admitted" : reply.rejection().code();
        Timer.builder("darkroom_admission_seconds")
                .tag("outcome", outcome)
                .register(meters)
                .record(took);
        if (command.requestedAt() != null) {
            Timer.builder("darkroom_admission_wait_seconds")
                    .register(meters)
                    .record(Duration.between(command.requestedAt(), received).abs());
        }
        if (took.toMillis() > 1000) {
            log.warn("admission of job {} took {} ms", command.jobId(), took.toMillis());
        }
        if (reply.rejection() == null) {
            dispatcher.nudge();
        }
        return reply;
    }
}
