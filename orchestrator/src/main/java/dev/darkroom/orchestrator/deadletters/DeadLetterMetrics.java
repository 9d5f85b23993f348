package dev.darkroom.orchestrator.deadletters;

import dev.darkroom.contracts.messaging.Route;
import dev.darkroom.contracts.messaging.Topology;
import dev.darkroom.orchestrator.scheduling.PollingLoop;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** {@code darkroom_dead_letter_depth{queue}}: messages in each dead-letter queue, sampled every 15 seconds. */
@Component
class DeadLetterMetrics extends PollingLoop {

    @Autowired
    DeadLetterMetrics(DeadLetters deadLetters, MeterRegistry meters) {
        this(deadLetters, meters, new ConcurrentHashMap<>());
    }

    private DeadLetterMetrics(DeadLetters deadLetters, MeterRegistry meters, Map<String, AtomicLong> depths) {
        super("dead-letter-metrics", Duration.ofSeconds(15), () -> {
            for (Route route : Topology.ROUTES) {
                depths.computeIfAbsent(route.queue(), q -> {
                            AtomicLong value = new AtomicLong();
                            Gauge.builder("darkroom_dead_letter_depth", value, AtomicLong::get)
                                    .tag("queue", q)
                                    .description("messages waiting in the queue's dead-letter queue")
                                    .register(meters);
                            return value;
                        })
                        .set(deadLetters.depth(route.queue()));
            }
            return false;
        });
    }
}
