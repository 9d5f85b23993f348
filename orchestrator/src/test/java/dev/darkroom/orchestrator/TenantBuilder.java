package dev.darkroom.orchestrator;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.node.ObjectNode;

/** A tenant to create through the admin API: the standard plan unless a {@code with...} overrides a field. */
public final class TenantBuilder {

    private final ObjectNode body = OrchestratorTestSupport.JSON.createObjectNode();
    private final Function<ObjectNode, UUID> create;

    TenantBuilder(Function<ObjectNode, UUID> create) {
        this.create = create;
    }

    /** The monthly budget, a decimal string such as {@code "10.00"}. */
    public TenantBuilder withBudget(String usd) {
        body.put("monthly_budget_usd", usd);
        return this;
    }

    public TenantBuilder withAlertThresholds(Integer... percentages) {
        body.set("alert_thresholds_pct", OrchestratorTestSupport.JSON.valueToTree(List.of(percentages)));
        return this;
    }

    public TenantBuilder withMaxConcurrentJobs(int jobs) {
        body.put("max_concurrent_jobs", jobs);
        return this;
    }

    public TenantBuilder withMaxQueuedJobs(int jobs) {
        body.put("max_queued_jobs", jobs);
        return this;
    }

    public TenantBuilder withRequestsPerMinute(int requests) {
        body.put("requests_per_minute", requests);
        return this;
    }

    public TenantBuilder withAllowedModels(String... models) {
        body.set("allowed_models", OrchestratorTestSupport.JSON.valueToTree(List.of(models)));
        return this;
    }

    public TenantBuilder withWebhookUrl(String url) {
        body.put("webhook_url", url);
        return this;
    }

    public TenantBuilder suspended() {
        body.put("status", "suspended");
        return this;
    }

    /** Records the tenant; returns its id. */
    public UUID create() {
        return create.apply(body);
    }
}
