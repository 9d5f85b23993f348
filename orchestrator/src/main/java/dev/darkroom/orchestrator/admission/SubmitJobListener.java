package dev.darkroom.orchestrator.admission;

import dev.darkroom.contracts.messages.SubmitJob;
import dev.darkroom.contracts.messages.SubmitJobReply;
import dev.darkroom.contracts.messaging.Messaging;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
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
 * {@code darkroom_admission_wait_seconds} the command's wait from the gateway to here. An admitted job wakes the
 * dispatcher through its {@link dev.darkroom.orchestrator.jobs.JobQueued} event.
 */
@Component
class SubmitJobListener {

    private static final Logger log = LoggerFactory.getLogger(SubmitJobListener.class);

    private final Admission admission;
    private final MeterRegistry meters;
    private final Clock clock;

    SubmitJobListener(Admission admission, MeterRegistry meters, Clock clock) {
        this.admission = admission;
        this.meters = meters;
        this.clock = clock;
    }

    @RabbitListener(queues = Messaging.SUBMIT_JOB_QUEUE, concurrency = "${darkroom.admission.consumers:2-4}")
    SubmitJobReply submit(SubmitJob command) {
        Instant received = clock.instant();
        long start = System.nanoTime();
        SubmitJobReply reply = admission.admit(command);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String outcome = reply.rejection() == null
                ? "admitted"
                : reply.rejection().code().code();
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
        return reply;
    }
}
