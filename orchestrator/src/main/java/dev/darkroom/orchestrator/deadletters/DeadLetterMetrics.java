package dev.darkroom.orchestrator.deadletters;

import dev.darkroom.contracts.messaging.Route;
import dev.darkroom.contracts.messaging.Topology;
import dev.darkroom.orchestrator.scheduling.LoopRunner;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** {@code darkroom_dead_letter_depth{queue}}: messages in each dead-letter queue, sampled every 15 seconds. */
@Component
class DeadLetterMetrics {

    private final DeadLetters deadLetters;
    private final MeterRegistry meters;
    private final Map<String, AtomicLong> depths = new ConcurrentHashMap<>();

    DeadLetterMetrics(DeadLetters deadLetters, MeterRegistry meters, LoopRunner loops) {
        this.deadLetters = deadLetters;
        this.meters = meters;
        loops.register("dead-letter-metrics", Duration.ofSeconds(15), this::sampleRound);
    }

    /** One round: the depth of every dead-letter queue, each registered as a gauge the first time. */
    boolean sampleRound() {
        for (Route route : Topology.ROUTES) {
            depths.computeIfAbsent(route.queue(), this::gauge).set(deadLetters.depth(route.queue()));
        }
        return false;
    }

    private AtomicLong gauge(String queue) {
        AtomicLong value = new AtomicLong();
        Gauge.builder("darkroom_dead_letter_depth", value, AtomicLong::get)
                .tag("queue", queue)
                .description("messages waiting in the queue's dead-letter queue")
                .register(meters);
        return value;
    }
}
