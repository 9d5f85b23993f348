package dev.darkroom.orchestrator.tenants;

import java.math.BigDecimal;
import java.util.List;

/**
 * A tenant's limits.
 *
 * @param monthlyBudgetUsd hard budget per calendar month (UTC), USD
 * @param alertThresholdsPct percentages of the budget that raise a budget alert once per month
 * @param maxConcurrentJobs jobs at fal at once (dispatched, submitted or running)
 * @param maxQueuedJobs unfinished jobs at once, waiting or at fal; admission refuses more
 * @param requestsPerMinute job submissions per minute
 * @param allowedModels model ids the tenant may use, or null for all
 * @param outputRetentionDays how long outputs are kept
 */
public record Quota(
        BigDecimal monthlyBudgetUsd,
        List<Integer> alertThresholdsPct,
        int maxConcurrentJobs,
        int maxQueuedJobs,
        int requestsPerMinute,
        List<String> allowedModels,
        int outputRetentionDays) {}
