package dev.darkroom.orchestrator.webhooks;

import dev.darkroom.support.metrics.HistogramBuckets;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Tenant webhook deliveries: {@code darkroom_tenant_webhook_attempts_total{outcome}} (delivered, retry, failed: the
 * last attempt failed) and {@code darkroom_tenant_webhook_delivery_seconds}, from the event (a job's completion,
 * written in the same transaction) to the tenant's 2xx.
 */
@Component
class TenantWebhookMetrics {

    static final List<String> OUTCOMES = List.of("delivered", "retry", "failed");

    private final MeterRegistry meters;
    private final Timer delivery;

    TenantWebhookMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.delivery = Timer.builder("darkroom_tenant_webhook_delivery_seconds")
                .description("from the event to the tenant's 2xx, retries included")
                .serviceLevelObjectives(HistogramBuckets.JOB)
                .register(meters);
        // counters start at zero, so the first attempt of each outcome shows as an increase
        OUTCOMES.forEach(this::attempts);
    }

    void delivered(Duration sinceEvent) {
        attempts("delivered").increment();
        delivery.record(sinceEvent);
    }

    void failed(boolean last) {
        attempts(last ? "failed" : "retry").increment();
    }

    private Counter attempts(String outcome) {
        return Counter.builder("darkroom_tenant_webhook_attempts_total")
                .description("tenant webhook delivery attempts, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }
}
