package dev.darkroom.orchestrator.tenants;

import dev.darkroom.contracts.catalog.Catalog;
import dev.darkroom.orchestrator.api.Cursor;
import dev.darkroom.orchestrator.api.Page;
import dev.darkroom.support.problems.InvalidRequestException;
import dev.darkroom.support.problems.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Admin API for tenants: create, read, list, patch quotas, change plan. */
@RestController
@RequestMapping("/v1/admin/tenants")
class TenantAdminController {

    static final String DEFAULT_PLAN = "standard";

    private final TenantRepository tenants;
    private final PlanRepository plans;
    private final Catalog catalog;
    private final Clock clock;
    private final OutputRetention retention;

    TenantAdminController(
            TenantRepository tenants, PlanRepository plans, Catalog catalog, Clock clock, OutputRetention retention) {
        this.tenants = tenants;
        this.plans = plans;
        this.catalog = catalog;
        this.clock = clock;
        this.retention = retention;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    TenantView create(@RequestBody JsonNode body) {
        TenantChanges changes = TenantChanges.parse(body, catalog);
        if (!changes.name().present()) {
            throw new InvalidRequestException("name", "name is required");
        }
        String planId = Objects.requireNonNullElse(AdminBodies.string(body, "plan", 63), DEFAULT_PLAN);
        Instant now = clock.instant();
        Tenant tenant = new Tenant(UUID.randomUUID(), changes.name().value(), plan(planId), now);
        tenant.update(changes, now);
        TenantView view = TenantView.of(tenants.save(tenant));
        retention.nudgeAfterCommit();
        return view;
    }

    @GetMapping
    @Transactional(readOnly = true)
    Page<TenantView> list(
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        int size = Cursor.limit(limit, 100);
        Cursor after = Cursor.decode(cursor);
        List<Tenant> page = tenants.page(
                after == null ? Instant.EPOCH : after.at(),
                after == null ? new UUID(0, 0) : after.id(),
                Limit.of(size + 1));
        List<TenantView> data = page.stream().limit(size).map(TenantView::of).toList();
        String next = page.size() > size
                ? new Cursor(page.get(size - 1).createdAt(), page.get(size - 1).id()).encode()
                : null;
        return new Page<>(data, next);
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    TenantView get(@PathVariable UUID id) {
        return TenantView.of(tenant(id));
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {"application/json", "application/merge-patch+json"})
    @Transactional
    TenantView patch(@PathVariable UUID id, @RequestBody JsonNode body) {
        Tenant tenant = tenant(id);
        Instant now = clock.instant();
        String planId = AdminBodies.string(body, "plan", 63);
        if (planId != null) {
            tenant.changePlan(plan(planId), now);
        }
        tenant.update(TenantChanges.parse(body, catalog), now);
        retention.nudgeAfterCommit();
        return TenantView.of(tenant);
    }

    @PutMapping("/{id}/plan")
    @Transactional
    TenantView setPlan(@PathVariable UUID id, @RequestBody JsonNode body) {
        String planId = AdminBodies.string(body, "plan", 63);
        if (planId == null) {
            throw new InvalidRequestException("plan", "plan is required");
        }
        Tenant tenant = tenant(id);
        tenant.changePlan(plan(planId), clock.instant());
        retention.nudgeAfterCommit();
        return TenantView.of(tenant);
    }

    private Tenant tenant(UUID id) {
        return tenants.findById(id).orElseThrow(() -> new NotFoundException("tenant_not_found", "no tenant " + id));
    }

    private Plan plan(String id) {
        return plans.findById(id).orElseThrow(() -> new InvalidRequestException("plan", "unknown plan " + id));
    }
}
