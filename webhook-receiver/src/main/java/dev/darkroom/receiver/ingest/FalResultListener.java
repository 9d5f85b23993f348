package dev.darkroom.receiver.ingest;

import dev.darkroom.contracts.messages.FalResultReceived;
import dev.darkroom.contracts.messaging.Messaging;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@link Messaging#FAL_RESULTS_QUEUE}. The message is acked when this returns, after the outputs are stored
 * and the outcome is confirmed by the broker; an exception means retry (Boot's listener retry, then the
 * dead-letter queue), and the reconciler will feed the result again if it still matters.
 */
@Component
class FalResultListener {

    private final Ingestion ingestion;
    private final MeterRegistry meters;

    FalResultListener(Ingestion ingestion, MeterRegistry meters) {
        this.ingestion = ingestion;
        this.meters = meters;
    }

    @RabbitListener(id = "fal-results", queues = Messaging.FAL_RESULTS_QUEUE)
    void onResult(FalResultReceived result) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            outcome = ingestion.ingest(result).name().toLowerCase(Locale.ROOT);
        } finally {
            sample.stop(Timer.builder("darkroom.receiver.ingestions")
                    .description("fal results ingested, by outcome (error: will be retried or dead-lettered)")
                    .tag("outcome", outcome)
                    .register(meters));
        }
    }
}
