package dev.darkroom.orchestrator.tenants;

import dev.darkroom.orchestrator.api.Money;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A customer of the platform. Quota fields left null follow the plan. */
@Entity
@Table(name = "tenant")
public class Tenant {

    @Id
    private UUID id;

    private String name;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "plan_id")
    private Plan plan;

    @Convert(converter = TenantStatusConverter.class)
    private TenantStatus status;

    private BigDecimal monthlyBudgetUsd;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private Integer[] alertThresholdsPct;

    private Integer maxConcurrentJobs;
    private Integer maxQueuedJobs;
    private Integer requestsPerMinute;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] allowedModels;

    private Integer outputRetentionDays;
    private String webhookUrl;
    private String webhookSecret;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private Long version;

    protected Tenant() {}

    Tenant(UUID id, String name, Plan plan, Instant now) {
        this.id = id;
        this.name = name;
        this.plan = plan;
        this.status = TenantStatus.ACTIVE;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The limits in force: each override, else the plan's value. */
    public Quota quota() {
        Quota p = plan.quota();
        return new Quota(
                monthlyBudgetUsd != null ? monthlyBudgetUsd : p.monthlyBudgetUsd(),
                alertThresholdsPct != null ? List.of(alertThresholdsPct) : p.alertThresholdsPct(),
                maxConcurrentJobs != null ? maxConcurrentJobs : p.maxConcurrentJobs(),
                maxQueuedJobs != null ? maxQueuedJobs : p.maxQueuedJobs(),
                requestsPerMinute != null ? requestsPerMinute : p.requestsPerMinute(),
                allowedModels != null ? List.of(allowedModels) : p.allowedModels(),
                outputRetentionDays != null ? outputRetentionDays : p.outputRetentionDays());
    }

    void changePlan(Plan plan, Instant now) {
        this.plan = plan;
        this.updatedAt = now;
    }

    void update(TenantChanges c, Instant now) {
        c.name().ifPresent(v -> this.name = v);
        c.status().ifPresent(v -> this.status = v);
        c.monthlyBudgetUsd().ifPresent(v -> this.monthlyBudgetUsd = v);
        c.alertThresholdsPct().ifPresent(v -> this.alertThresholdsPct = v == null ? null : v.toArray(Integer[]::new));
        c.maxConcurrentJobs().ifPresent(v -> this.maxConcurrentJobs = v);
        c.maxQueuedJobs().ifPresent(v -> this.maxQueuedJobs = v);
        c.requestsPerMinute().ifPresent(v -> this.requestsPerMinute = v);
        c.allowedModels().ifPresent(v -> this.allowedModels = v == null ? null : v.toArray(String[]::new));
        c.outputRetentionDays().ifPresent(v -> this.outputRetentionDays = v);
        c.webhookUrl().ifPresent(v -> this.webhookUrl = v);
        this.updatedAt = now;
    }

    void setWebhookSecret(String secret) {
        this.webhookSecret = secret;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Plan plan() {
        return plan;
    }

    public TenantStatus status() {
        return status;
    }

    public boolean active() {
        return status == TenantStatus.ACTIVE;
    }

    public String webhookUrl() {
        return webhookUrl;
    }

    public String webhookSecret() {
        return webhookSecret;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The quota fields this tenant sets itself, by API name. */
    Map<String, Object> overrides() {
        Map<String, Object> o = new LinkedHashMap<>();
        putIfSet(o, "monthly_budget_usd", monthlyBudgetUsd == null ? null : Money.format(monthlyBudgetUsd));
        putIfSet(o, "alert_thresholds_pct", alertThresholdsPct == null ? null : List.of(alertThresholdsPct));
        putIfSet(o, "max_concurrent_jobs", maxConcurrentJobs);
        putIfSet(o, "max_queued_jobs", maxQueuedJobs);
        putIfSet(o, "requests_per_minute", requestsPerMinute);
        putIfSet(o, "allowed_models", allowedModels == null ? null : List.of(allowedModels));
        putIfSet(o, "output_retention_days", outputRetentionDays);
        return o;
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
