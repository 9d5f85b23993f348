package dev.darkroom.orchestrator.webhooks;

import dev.darkroom.orchestrator.api.Money;
import dev.darkroom.orchestrator.billing.BudgetThresholdCrossed;
import dev.darkroom.orchestrator.jobs.JobFinished;
import dev.darkroom.orchestrator.jobs.JobRepository;
import dev.darkroom.orchestrator.jobs.JobViews;
import dev.darkroom.orchestrator.scheduling.Purge;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns events of other modules into deliveries for the tenant's webhook endpoint: {@code job.<state>} for a
 * {@link JobFinished}, {@code budget.threshold_crossed} for a {@link BudgetThresholdCrossed}. The listeners run
 * synchronously, inside the transaction of the change they announce, so the delivery commits with it (no dual
 * write). Tenants without a webhook URL get nothing, and their event's data is never built. The payload follows
 * Standard Webhooks: {@code {type, timestamp, data}}.
 */
@Component
class TenantEvents implements Purge {

    private final WebhookDeliveries deliveries;
    private final JobRepository jobs;
    private final JobViews views;
    private final Clock clock;
    private final JsonMapper json;
    private final TenantWebhookProperties properties;

    TenantEvents(
            WebhookDeliveries deliveries,
            JobRepository jobs,
            JobViews views,
            Clock clock,
            JsonMapper json,
            TenantWebhookProperties properties) {
        this.deliveries = deliveries;
        this.jobs = jobs;
        this.views = views;
        this.clock = clock;
        this.json = json;
        this.properties = properties;
    }

    @EventListener
    void on(JobFinished event) {
        enqueue(
                event.tenantId().value(),
                "job." + event.status().apiName(),
                () -> views.view(jobs.findById(event.jobId().value()).orElseThrow()));
    }

    @EventListener
    void on(BudgetThresholdCrossed event) {
        enqueue(event.tenantId().value(), "budget.threshold_crossed", () -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("tenant_id", event.tenantId().toString());
            data.put("period", event.period().toString());
            data.put("threshold_pct", event.thresholdPct());
            data.put("budget_usd", Money.format(event.budgetUsd()));
            data.put("committed_usd", Money.format(event.committedUsd()));
            return data;
        });
    }

    private void enqueue(UUID tenantId, String type, Supplier<?> data) {
        if (!deliveries.subscribed(tenantId)) {
            return;
        }
        Instant now = clock.instant();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("timestamp", now.toString());
        payload.put("data", data.get());
        deliveries.record(tenantId, type, json.writeValueAsString(payload), now);
    }

    @Override
    public String rows() {
        return "webhook deliveries";
    }

    @Override
    public int purge(Instant now) {
        return deliveries.deleteFinishedBefore(now.minus(properties.keepFinished()));
    }
}
