package dev.darkroom.orchestrator.tenants;

import dev.darkroom.contracts.catalog.Catalog;
import dev.darkroom.support.problems.DarkroomException;
import dev.darkroom.support.problems.InvalidRequestException;
import dev.darkroom.support.problems.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Admin API for plans: the quota templates tenants subscribe to. */
@RestController
@RequestMapping("/v1/admin/plans")
class PlanAdminController {

    private final PlanRepository plans;
    private final Catalog catalog;
    private final Clock clock;
    private final OutputRetention retention;

    PlanAdminController(PlanRepository plans, Catalog catalog, Clock clock, OutputRetention retention) {
        this.plans = plans;
        this.catalog = catalog;
        this.clock = clock;
        this.retention = retention;
    }

    /** A plan by API names. */
    record PlanView(String id, String name, TenantView.QuotaView quota, Instant createdAt, Instant updatedAt) {
        static PlanView of(Plan p) {
            return new PlanView(p.id(), p.name(), TenantView.QuotaView.of(p.quota()), p.createdAt(), p.updatedAt());
        }
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<PlanView> list() {
        return plans.findAll().stream().map(PlanView::of).toList();
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    PlanView get(@PathVariable String id) {
        return PlanView.of(plan(id));
    }

    /** A new plan: {@code id}, {@code name} and every quota field are required. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    PlanView create(@RequestBody JsonNode body) {
        String id = Objects.requireNonNullElse(AdminBodies.string(body, "id", 63), "");
        if (!id.matches("[a-z0-9][a-z0-9_-]{0,62}")) {
            throw new InvalidRequestException("id", "id must be 1-63 lower-case letters, digits, '-' or '_'");
        }
        if (plans.existsById(id)) {
            throw new DarkroomException(409, "plan_exists", "plan " + id + " already exists");
        }
        TenantChanges c = TenantChanges.parsePlan(withoutId(body), catalog);
        Quota quota = new Quota(
                required(c.monthlyBudgetUsd(), "monthly_budget_usd"),
                c.alertThresholdsPct().present() && c.alertThresholdsPct().value() != null
                        ? c.alertThresholdsPct().value()
                        : List.of(50, 80, 100),
                required(c.maxConcurrentJobs(), "max_concurrent_jobs"),
                required(c.maxQueuedJobs(), "max_queued_jobs"),
                required(c.requestsPerMinute(), "requests_per_minute"),
                c.allowedModels().value(),
                required(c.outputRetentionDays(), "output_retention_days"));
        return PlanView.of(plans.save(new Plan(id, required(c.name(), "name"), quota, clock.instant())));
    }

    /** Changes a plan; every tenant on it that does not override a field follows at once. */
    @PatchMapping("/{id}")
    @Transactional
    PlanView patch(@PathVariable String id, @RequestBody JsonNode body) {
        Plan plan = plan(id);
        TenantChanges c = TenantChanges.parsePlan(body, catalog);
        Quota q = plan.quota();
        Instant now = clock.instant();
        plan.apply(
                new Quota(
                        or(c.monthlyBudgetUsd(), q.monthlyBudgetUsd(), "monthly_budget_usd"),
                        or(c.alertThresholdsPct(), q.alertThresholdsPct(), "alert_thresholds_pct"),
                        or(c.maxConcurrentJobs(), q.maxConcurrentJobs(), "max_concurrent_jobs"),
                        or(c.maxQueuedJobs(), q.maxQueuedJobs(), "max_queued_jobs"),
                        or(c.requestsPerMinute(), q.requestsPerMinute(), "requests_per_minute"),
                        c.allowedModels().present() ? c.allowedModels().value() : q.allowedModels(),
                        or(c.outputRetentionDays(), q.outputRetentionDays(), "output_retention_days")),
                now);
        c.name().ifPresent(n -> plan.rename(n, now));
        // the plan's retention is every following tenant's retention
        retention.nudgeAfterCommit();
        return PlanView.of(plan);
    }

    private Plan plan(String id) {
        return plans.findById(id).orElseThrow(() -> new NotFoundException("plan_not_found", "no plan " + id));
    }

    private static JsonNode withoutId(JsonNode body) {
        return ((ObjectNode) body.deepCopy()).without("id");
    }

    private static <T> T required(Patch<T> patch, String field) {
        if (!patch.present() || patch.value() == null) {
            throw new InvalidRequestException(field, field + " is required");
        }
        return patch.value();
    }

    private static <T> T or(Patch<T> patch, T current, String field) {
        if (!patch.present()) {
            return current;
        }
        return required(patch, field);
    }
}
