package dev.darkroom.orchestrator.tenants;

import dev.darkroom.orchestrator.api.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A tenant as the admin API shows it: the quota in force, and which fields override the plan. */
record TenantView(
        UUID id,
        String name,
        String plan,
        String status,
        QuotaView quota,
        Map<String, Object> overrides,
        String webhookUrl,
        String webhookSecret,
        Instant createdAt,
        Instant updatedAt) {

    static TenantView of(Tenant t) {
        return new TenantView(
                t.id(),
                t.name(),
                t.plan().id(),
                t.status().apiName(),
                QuotaView.of(t.quota()),
                t.overrides(),
                t.webhookUrl(),
                t.webhookSecret(),
                t.createdAt(),
                t.updatedAt());
    }

    /** Quota fields by their API names. */
    record QuotaView(
            String monthlyBudgetUsd,
            List<Integer> alertThresholdsPct,
            int maxConcurrentJobs,
            int maxQueuedJobs,
            int requestsPerMinute,
            List<String> allowedModels,
            int outputRetentionDays) {

        static QuotaView of(Quota q) {
            return new QuotaView(
                    Money.format(q.monthlyBudgetUsd()),
                    q.alertThresholdsPct(),
                    q.maxConcurrentJobs(),
                    q.maxQueuedJobs(),
                    q.requestsPerMinute(),
                    q.allowedModels(),
                    q.outputRetentionDays());
        }
    }
}
