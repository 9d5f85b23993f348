package dev.darkroom.orchestrator.tenants;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A named set of quotas tenants subscribe to; a tenant may override any field. */
@Entity
@Table(name = "plan")
public class Plan {

    @Id
    private String id;

    private String name;
    private BigDecimal monthlyBudgetUsd;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private Integer[] alertThresholdsPct;

    private int maxConcurrentJobs;
    private int maxQueuedJobs;
    private int requestsPerMinute;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] allowedModels;

    private int outputRetentionDays;
    private Instant createdAt;
    private Instant updatedAt;

    protected Plan() {}

    Plan(String id, String name, Quota quota, Instant now) {
        this.id = id;
        this.name = name;
        this.createdAt = now;
        apply(quota, now);
    }

    void apply(Quota quota, Instant now) {
        this.monthlyBudgetUsd = quota.monthlyBudgetUsd();
        this.alertThresholdsPct = quota.alertThresholdsPct().toArray(Integer[]::new);
        this.maxConcurrentJobs = quota.maxConcurrentJobs();
        this.maxQueuedJobs = quota.maxQueuedJobs();
        this.requestsPerMinute = quota.requestsPerMinute();
        this.allowedModels =
                quota.allowedModels() == null ? null : quota.allowedModels().toArray(String[]::new);
        this.outputRetentionDays = quota.outputRetentionDays();
        this.updatedAt = now;
    }

    void rename(String name, Instant now) {
        this.name = name;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Quota quota() {
        return new Quota(
                monthlyBudgetUsd,
                List.of(alertThresholdsPct),
                maxConcurrentJobs,
                maxQueuedJobs,
                requestsPerMinute,
                allowedModels == null ? null : List.of(allowedModels),
                outputRetentionDays);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
