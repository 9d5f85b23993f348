package dev.darkroom.orchestrator.tenants;

import dev.darkroom.contracts.catalog.Catalog;
import dev.darkroom.orchestrator.billing.Money;
import dev.darkroom.support.problems.InvalidRequestException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * A validated merge patch of a tenant, from {@code POST} or {@code PATCH /v1/admin/tenants}. Quota fields set to
 * null go back to the plan's value.
 */
record TenantChanges(
        Patch<String> name,
        Patch<String> status,
        Patch<BigDecimal> monthlyBudgetUsd,
        Patch<List<Integer>> alertThresholdsPct,
        Patch<Integer> maxConcurrentJobs,
        Patch<Integer> maxQueuedJobs,
        Patch<Integer> requestsPerMinute,
        Patch<List<String>> allowedModels,
        Patch<Integer> outputRetentionDays,
        Patch<String> webhookUrl) {

    private static final Set<String> FIELDS = Set.of(
            "name",
            "plan",
            "status",
            "monthly_budget_usd",
            "alert_thresholds_pct",
            "max_concurrent_jobs",
            "max_queued_jobs",
            "requests_per_minute",
            "allowed_models",
            "output_retention_days",
            "webhook_url");

    static TenantChanges parse(JsonNode body, Catalog catalog) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("body", "the body must be a JSON object");
        }
        body.propertyNames().forEach(f -> {
            if (!FIELDS.contains(f)) {
                throw new InvalidRequestException(f, "unknown field " + f);
            }
        });
        return new TenantChanges(
                text(body, "name", false, 200),
                status(body),
                body.has("monthly_budget_usd")
                        ? Patch.of(
                                nullable(body, "monthly_budget_usd")
                                        ? null
                                        : Money.parse(body.get("monthly_budget_usd"), "monthly_budget_usd"))
                        : Patch.absent(),
                thresholds(body),
                positive(body, "max_concurrent_jobs"),
                positive(body, "max_queued_jobs"),
                positive(body, "requests_per_minute"),
                models(body, catalog),
                positive(body, "output_retention_days"),
                url(body));
    }

    private static boolean nullable(JsonNode body, String field) {
        return body.get(field).isNull();
    }

    private static Patch<String> text(JsonNode body, String field, boolean allowNull, int max) {
        if (!body.has(field)) {
            return Patch.absent();
        }
        JsonNode v = body.get(field);
        if (v.isNull() && allowNull) {
            return Patch.of(null);
        }
        if (!v.isString() || v.asString().isBlank() || v.asString().length() > max) {
            throw new InvalidRequestException(
                    field, field + " must be a non-empty string of at most " + max + " characters");
        }
        return Patch.of(v.asString().trim());
    }

    private static Patch<String> status(JsonNode body) {
        Patch<String> status = text(body, "status", false, 20);
        if (status.present() && !Set.of("active", "suspended").contains(status.value())) {
            throw new InvalidRequestException("status", "status must be active or suspended");
        }
        return status;
    }

    private static Patch<Integer> positive(JsonNode body, String field) {
        if (!body.has(field)) {
            return Patch.absent();
        }
        JsonNode v = body.get(field);
        if (v.isNull()) {
            return Patch.of(null);
        }
        if (!v.isIntegralNumber() || v.asLong() < 1 || v.asLong() > 1_000_000) {
            throw new InvalidRequestException(field, field + " must be a whole number from 1 to 1000000");
        }
        return Patch.of(v.asInt());
    }

    private static Patch<List<Integer>> thresholds(JsonNode body) {
        String field = "alert_thresholds_pct";
        if (!body.has(field)) {
            return Patch.absent();
        }
        JsonNode v = body.get(field);
        if (v.isNull()) {
            return Patch.of(null);
        }
        TreeSet<Integer> values = new TreeSet<>();
        if (v.isArray()) {
            v.forEach(t -> values.add(t.isIntegralNumber() && t.asInt() >= 1 && t.asInt() <= 1000 ? t.asInt() : -1));
        }
        if (!v.isArray() || values.contains(-1)) {
            throw new InvalidRequestException(field, field + " must be a list of percentages from 1 to 1000");
        }
        return Patch.of(new ArrayList<>(values));
    }

    private static Patch<List<String>> models(JsonNode body, Catalog catalog) {
        String field = "allowed_models";
        if (!body.has(field)) {
            return Patch.absent();
        }
        JsonNode v = body.get(field);
        if (v.isNull()) {
            return Patch.of(null);
        }
        if (!v.isArray()) {
            throw new InvalidRequestException(field, field + " must be a list of model ids, or null for all");
        }
        List<String> models = new ArrayList<>();
        for (JsonNode m : v) {
            if (!m.isString() || catalog.find(m.asString()).isEmpty()) {
                throw new InvalidRequestException(field, "unknown model " + m);
            }
            models.add(m.asString());
        }
        return Patch.of(List.copyOf(new TreeSet<>(models)));
    }

    private static Patch<String> url(JsonNode body) {
        Patch<String> url = text(body, "webhook_url", true, 2000);
        if (url.present() && url.value() != null) {
            try {
                URI uri = URI.create(url.value());
                if (!Set.of("http", "https").contains(String.valueOf(uri.getScheme())) || uri.getHost() == null) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("webhook_url", "webhook_url must be an http(s) URL");
            }
        }
        return url;
    }
}
