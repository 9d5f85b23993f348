package dev.darkroom.orchestrator.jobs;

import dev.darkroom.contracts.catalog.ModelKind;
import dev.darkroom.contracts.jobs.JobStatus;
import dev.darkroom.contracts.messages.RejectionCode;
import dev.darkroom.orchestrator.tenants.TenantId;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A generation job. Its status changes only through the intention-revealing methods below, which check the one
 * transition table ({@link JobStatus#canMoveTo}), append to the job's history and record events ({@link JobQueued},
 * {@link JobFinished}) that are published when the job is saved, inside the transaction; there is no status setter.
 */
@Entity
@Table(name = "job")
public class Job extends AbstractAggregateRoot<Job> {

    @Id
    private UUID id;

    private UUID tenantId;
    private UUID apiKeyId;
    private String model;
    private String kind;

    @Convert(converter = JobStatusConverter.class)
    private JobStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    private String input;

    @JdbcTypeCode(SqlTypes.JSON)
    private String metadata;

    private BigDecimal estimatedCostUsd;
    private BigDecimal costUsd;
    private LocalDate budgetPeriod;
    private String idempotencyKey;
    private String falRequestId;
    private String falStatusUrl;
    private String falResponseUrl;
    private String falCancelUrl;
    private String errorCode;
    private String errorMessage;

    /** W3C trace context fields (JSON object) of the request that created the job; null with tracing off. */
    @JdbcTypeCode(SqlTypes.JSON)
    private String traceContext;

    @JdbcTypeCode(SqlTypes.JSON)
    private String errorDetail;

    private int dispatchAttempts;
    private Instant nextCheckAt;
    private Instant cancelRequestedAt;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private Long version;

    @OneToMany(
            mappedBy = "job",
            cascade = {CascadeType.PERSIST, CascadeType.MERGE},
            fetch = FetchType.EAGER)
    @OrderBy("id")
    @BatchSize(size = 100)
    private List<JobTransition> history = new ArrayList<>();

    protected Job() {}

    /** A job the gateway handed over, before admission decides on it. */
    public static Job accepted(NewJob spec, Instant now) {
        Job job = new Job();
        job.id = spec.id();
        job.tenantId = spec.tenantId();
        job.apiKeyId = spec.apiKeyId();
        job.model = spec.model();
        job.kind = spec.kind().name().toLowerCase(Locale.ROOT);
        job.input = spec.inputJson();
        job.metadata = spec.metadataJson();
        job.estimatedCostUsd = spec.estimatedCostUsd();
        job.budgetPeriod = spec.budgetPeriod();
        job.idempotencyKey = spec.idempotencyKey();
        job.createdAt = now;
        job.status = JobStatus.ACCEPTED;
        job.updatedAt = now;
        job.history.add(new JobTransition(job, null, JobStatus.ACCEPTED, now, null));
        return job;
    }

    public void queue(Instant now) {
        moveTo(JobStatus.QUEUED, now, null);
        registerEvent(new JobQueued(new JobId(id), new TenantId(tenantId)));
    }

    public void reject(RejectionCode code, String message, Instant now) {
        moveTo(JobStatus.REJECTED, now, code.code());
        this.errorCode = code.code();
        this.errorMessage = message;
    }

    /** Released to a work queue; if no worker reports it submitted by {@code checkAt}, the reconciler looks. */
    public void dispatch(Instant now, Instant checkAt) {
        moveTo(JobStatus.DISPATCHED, now, null);
        this.dispatchAttempts++;
        this.nextCheckAt = checkAt;
    }

    /** Sent to the work queue again: the first dispatch was lost or dead-lettered. Not a state change. */
    public void redispatch(Instant now, Instant checkAt) {
        this.dispatchAttempts++;
        this.nextCheckAt = checkAt;
        this.updatedAt = now;
    }

    /**
     * Binds the job to the fal request that will produce its outputs. The first request Darkroom learns of wins;
     * false when the job is already bound to another one (the caller cancels that one at fal).
     */
    boolean bindFalRequest(String requestId, FalUrls urls, Instant now) {
        if (falRequestId != null && !falRequestId.equals(requestId)) {
            return false;
        }
        this.falRequestId = requestId;
        if (urls != null && falStatusUrl == null) {
            this.falStatusUrl = urls.statusUrl();
            this.falResponseUrl = urls.responseUrl();
            this.falCancelUrl = urls.cancelUrl();
        }
        this.updatedAt = now;
        return true;
    }

    /** fal accepted the job into its queue; the reconciler checks on it from {@code checkAt}. */
    void submitted(Instant now, Instant checkAt) {
        moveTo(JobStatus.SUBMITTED, now, null);
        this.nextCheckAt = checkAt;
    }

    void running(Instant now) {
        moveTo(JobStatus.RUNNING, now, null);
    }

    void succeeded(BigDecimal cost, Instant now) {
        moveTo(JobStatus.SUCCEEDED, now, null);
        this.costUsd = cost;
        this.nextCheckAt = null;
    }

    void failed(String code, String message, String detailJson, Instant now) {
        moveTo(JobStatus.FAILED, now, code);
        this.errorCode = code;
        this.errorMessage = message;
        this.errorDetail = detailJson;
        this.costUsd = BigDecimal.ZERO;
        this.nextCheckAt = null;
    }

    void canceled(Instant now) {
        moveTo(JobStatus.CANCELED, now, null);
        this.costUsd = BigDecimal.ZERO;
        this.nextCheckAt = null;
    }

    void expired(String message, Instant now) {
        moveTo(JobStatus.EXPIRED, now, "expired");
        this.errorCode = "expired";
        this.errorMessage = message;
        this.costUsd = BigDecimal.ZERO;
        this.nextCheckAt = null;
    }

    /** The tenant asked to cancel a job already at fal; it ends when fal confirms or finishes. */
    void requestCancel(Instant now) {
        if (cancelRequestedAt == null) {
            cancelRequestedAt = now;
            nextCheckAt = now;
            updatedAt = now;
        }
    }

    private void moveTo(JobStatus next, Instant now, String reason) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException(id, status, next);
        }
        history.add(new JobTransition(this, status, next, now, reason));
        status = next;
        updatedAt = now;
        if (next.isTerminal() && next != JobStatus.REJECTED) {
            registerEvent(new JobFinished(new JobId(id), new TenantId(tenantId), next));
        }
    }

    /** How often the job was sent to a work queue: the attempt number its latest dispatch carries. */
    public int dispatchAttempts() {
        return dispatchAttempts;
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String model() {
        return model;
    }

    public ModelKind kind() {
        return ModelKind.valueOf(kind.toUpperCase(Locale.ROOT));
    }

    public JobStatus status() {
        return status;
    }

    public String inputJson() {
        return input;
    }

    public String metadataJson() {
        return metadata;
    }

    public BigDecimal estimatedCostUsd() {
        return estimatedCostUsd;
    }

    public BigDecimal costUsd() {
        return costUsd;
    }

    public LocalDate budgetPeriod() {
        return budgetPeriod;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String falRequestId() {
        return falRequestId;
    }

    FalUrls falUrls() {
        return new FalUrls(falStatusUrl, falResponseUrl, falCancelUrl);
    }

    /** Joins the job to the trace it was created in (its W3C fields as a JSON object). */
    public void traceIn(String traceContextJson) {
        this.traceContext = traceContextJson;
    }

    public String traceContext() {
        return traceContext;
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public String errorDetailJson() {
        return errorDetail;
    }

    public Instant nextCheckAt() {
        return nextCheckAt;
    }

    public Instant cancelRequestedAt() {
        return cancelRequestedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    List<JobTransition> history() {
        return Collections.unmodifiableList(history);
    }
}
