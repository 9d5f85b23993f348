package dev.darkroom.orchestrator.tenants;

import dev.darkroom.contracts.catalog.Catalog;
import dev.darkroom.orchestrator.api.Money;
import dev.darkroom.support.problems.InvalidRequestException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * A validated merge patch of a tenant, from {@code POST} or {@code PATCH /v1/admin/tenants}, or of a plan (its name
 * and quota fields only). A tenant's quota fields set to null go back to the plan's value.
 */
record TenantChanges(
        Patch<String> name,
        Patch<TenantStatus> status,
        Patch<BigDecimal> monthlyBudgetUsd,
        Patch<List<Integer>> alertThresholdsPct,
        Patch<Integer> maxConcurrentJobs,
        Patch<Integer> maxQueuedJobs,
        Patch<Integer> requestsPerMinute,
        Patch<List<String>> allowedModels,
        Patch<Integer> outputRetentionDays,
        Patch<String> webhookUrl) {

    /** What a plan has: a name and the quota. */
    private static final Set<String> PLAN_FIELDS = Set.of(
            "name",
            "monthly_budget_usd",
            "alert_thresholds_pct",
            "max_concurrent_jobs",
            "max_queued_jobs",
            "requests_per_minute",
            "allowed_models",
            "output_retention_days");

    /** A tenant adds its plan, status and webhook URL. */
    private static final Set<String> TENANT_FIELDS = Stream.concat(
                    PLAN_FIELDS.stream(), Stream.of("plan", "status", "webhook_url"))
            .collect(Collectors.toUnmodifiableSet());

    static TenantChanges parse(JsonNode body, Catalog catalog) {
        return parse(body, catalog, TENANT_FIELDS);
    }

    /** A plan's changes; the tenant-only fields are unknown fields here, refused rather than ignored. */
    static TenantChanges parsePlan(JsonNode body, Catalog catalog) {
        return parse(body, catalog, PLAN_FIELDS);
    }

    private static TenantChanges parse(JsonNode body, Catalog catalog, Set<String> fields) {
        AdminBodies.requiredObject(body);
        body.propertyNames().forEach(f -> {
            if (!fields.contains(f)) {
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
        return Patch.of(AdminBodies.nonBlank(v, field, max).trim());
    }

    private static Patch<TenantStatus> status(JsonNode body) {
        Patch<String> status = text(body, "status", false, 20);
        if (!status.present()) {
            return Patch.absent();
        }
        return Patch.of(TenantStatus.fromApiName(status.value())
                .orElseThrow(() -> new InvalidRequestException("status", "status must be active or suspended")));
    }

    private static Patch<Integer> positive(JsonNode body, String field) {
        if (!body.has(field)) {
            return Patch.absent();
        }
        if (body.get(field).isNull()) {
            return Patch.of(null);
        }
        return Patch.of((int) AdminBodies.wholeNumber(body, field, 1, 1_000_000, 0));
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
