package dev.darkroom.orchestrator.reconcile;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code darkroom_reconciler_actions_total{action}}: what the reconciler did about each job it looked at. A lost
 * webhook shows as {@code result_fetched}; a stuck worker as {@code redispatched}; jobs given up on as
 * {@code expired} or {@code failed}; {@code error} is a look that threw and is retried.
 */
@Component
class ReconcilerMetrics {

    static final List<String> ACTIONS =
            List.of("waiting", "running", "result_fetched", "redispatched", "canceled", "failed", "expired", "error");

    private final MeterRegistry meters;

    ReconcilerMetrics(MeterRegistry meters) {
        this.meters = meters;
        // counters start at zero, so the first action of each kind shows as an increase
        ACTIONS.forEach(this::counter);
    }

    void action(String action) {
        counter(action).increment();
    }

    private Counter counter(String action) {
        return Counter.builder("darkroom_reconciler_actions_total")
                .description("what the reconciler did about the jobs it looked at")
                .tag("action", action)
                .register(meters);
    }
}
