package dev.darkroom.orchestrator.jobs;

import dev.darkroom.contracts.catalog.Catalog;
import dev.darkroom.contracts.catalog.CostEstimate;
import dev.darkroom.contracts.catalog.CostEstimator;
import dev.darkroom.contracts.catalog.Dimensions;
import dev.darkroom.contracts.catalog.FalInputMapper;
import dev.darkroom.contracts.catalog.ModelSpec;
import dev.darkroom.contracts.catalog.OutputMeasure;
import dev.darkroom.contracts.jobs.JobStatus;
import dev.darkroom.contracts.messages.JobCompleted;
import dev.darkroom.contracts.messages.JobFailed;
import dev.darkroom.contracts.messages.JobSubmitted;
import dev.darkroom.contracts.messages.StoredOutput;
import dev.darkroom.orchestrator.billing.Ledger;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What happens to a job after dispatch, whoever reports it: fal accepted it, its outputs are stored, it failed, it
 * was canceled or expired. Every method is idempotent: a finished job ignores late or repeated news, outputs are
 * keyed by (job, index) and the ledger by (job, kind). A job that ends is saved with its {@link JobFinished} event,
 * which the dispatcher (a slot is free, after commit) and the tenant webhooks (in this transaction) listen to.
 */
@Component
public class JobLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobLifecycle.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JobRepository jobs;
    private final Ledger ledger;
    private final FalRequestsToCancel toCancel;
    private final Catalog catalog;
    private final CostEstimator estimator;
    private final JdbcClient jdbc;
    private final JobEventsProperties properties;
    private final JobMetrics metrics;
    private final Clock clock;

    JobLifecycle(
            JobRepository jobs,
            Ledger ledger,
            FalRequestsToCancel toCancel,
            Catalog catalog,
            CostEstimator estimator,
            JdbcClient jdbc,
            JobEventsProperties properties,
            JobMetrics metrics,
            Clock clock) {
        this.jobs = jobs;
        this.ledger = ledger;
        this.toCancel = toCancel;
        this.catalog = catalog;
        this.estimator = estimator;
        this.jdbc = jdbc;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * fal queued the job. The first fal request the job learns of is the one it keeps; a second (a worker that
     * submitted, died before acking, and submitted again on redelivery) is cancelled at fal. A job canceled before
     * this news arrives has its request cancelled too.
     */
    @Transactional
    public void submitted(JobSubmitted event) {
        Job job = jobs.findById(event.jobId()).orElse(null);
        if (job == null) {
            log.warn("job.submitted for unknown job {}", event.jobId());
            return;
        }
        Instant now = clock.instant();
        FalUrls urls = new FalUrls(event.statusUrl(), event.responseUrl(), event.cancelUrl());
        if (!job.bindFalRequest(event.falRequestId(), urls, now)) {
            log.info(
                    "job {} keeps fal request {}; cancelling duplicate {}",
                    job.id(),
                    job.falRequestId(),
                    event.falRequestId());
            toCancel.add(event.falRequestId(), job.id(), event.cancelUrl());
            return;
        }
        if (job.status() == JobStatus.DISPATCHED) {
            ModelSpec model = catalog.require(job.model());
            job.submitted(now, now.plus(model.expectedDuration()).plus(properties.checkMargin()));
        } else if (job.status().isTerminal()) {
            // canceled, failed or expired before fal's acceptance was heard of: nobody wants this request any more
            toCancel.add(event.falRequestId(), job.id(), event.cancelUrl());
        }
    }

    /** Outputs stored: settle the real cost, record the outputs, finish the job. */
    @Transactional
    public void completed(JobCompleted event) {
        Job job = jobs.findById(event.jobId()).orElse(null);
        if (job == null || job.status().isTerminal()) {
            return;
        }
        Instant now = clock.instant();
        if (!job.bindFalRequest(event.falRequestId(), null, now)) {
            log.warn(
                    "job {} ignores outputs of fal request {}: it is bound to {}",
                    job.id(),
                    event.falRequestId(),
                    job.falRequestId());
            return;
        }
        for (StoredOutput o : event.outputs()) {
            jdbc.sql("""
                            insert into job_output (job_id, idx, object_key, content_type, bytes, sha256, width, height,
                                                    duration_seconds, nsfw, created_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                            """)
                    .params(
                            job.id(),
                            o.index(),
                            o.objectKey(),
                            o.contentType(),
                            o.bytes(),
                            o.sha256(),
                            o.width(),
                            o.height(),
                            o.durationSeconds(),
                            o.nsfw(),
                            Timestamp.from(now))
                    .update();
        }
        BigDecimal cost = settledCost(job, event.outputs());
        ledger.settle(job.tenantId(), job.id(), job.budgetPeriod(), cost);
        end(job, () -> job.succeeded(cost, now));
    }

    /**
     * The real outputs' catalog price, capped at the reservation: the estimate is the price the tenant was quoted
     * and the budget check counted, so charging more could break the budget.
     */
    private BigDecimal settledCost(Job job, List<StoredOutput> outputs) {
        ModelSpec model = catalog.require(job.model());
        List<OutputMeasure> measures = outputs.stream()
                .map(o -> o.durationSeconds() != null
                        ? OutputMeasure.video(o.durationSeconds())
                        : OutputMeasure.image(
                                o.width() != null && o.height() != null ? new Dimensions(o.width(), o.height()) : null))
                .toList();
        CostEstimate actual =
                estimator.settle(model, FalInputMapper.toFal(model, JSON.readTree(job.inputJson())), measures);
        if (actual.amountUsd().compareTo(job.estimatedCostUsd()) > 0) {
            log.warn(
                    "job {} cost {} above its estimate {}; charging the estimate",
                    job.id(),
                    actual.amountUsd(),
                    job.estimatedCostUsd());
            return job.estimatedCostUsd();
        }
        return actual.amountUsd();
    }

    /**
     * The job failed at fal or on the way; a failed job costs nothing. A canceled job's cancellation error ends it as
     * canceled.
     */
    @Transactional
    public void failed(JobFailed event) {
        Job job = jobs.findById(event.jobId()).orElse(null);
        if (job == null || job.status().isTerminal()) {
            return;
        }
        Instant now = clock.instant();
        if (event.falRequestId() == null && job.falRequestId() != null) {
            // a worker failed to submit a redelivered copy of a job that another attempt already placed at fal
            log.info("job {} ignores a submission failure: fal request {} is running", job.id(), job.falRequestId());
            return;
        }
        if (event.falRequestId() != null && !job.bindFalRequest(event.falRequestId(), null, now)) {
            log.info("job {} ignores failure of superseded fal request {}", job.id(), event.falRequestId());
            return;
        }
        ledger.release(job.id());
        if (job.cancelRequestedAt() != null) {
            end(job, () -> job.canceled(now));
        } else {
            String detail = event.error().falDetail() == null
                    ? null
                    : event.error().falDetail().toString();
            end(job, () -> job.failed(event.error().code(), event.error().message(), detail, now));
        }
    }

    /** The tenant canceled a job still waiting in Darkroom, or fal confirmed a cancellation. */
    @Transactional
    public void canceled(UUID jobId) {
        Job job = jobs.findById(jobId).orElse(null);
        if (job == null || job.status().isTerminal()) {
            return;
        }
        ledger.release(job.id());
        end(job, () -> job.canceled(clock.instant()));
    }

    /** fal reports the job in progress. */
    @Transactional
    public void running(UUID jobId) {
        jobs.findById(jobId).filter(j -> j.status() == JobStatus.SUBMITTED).ifPresent(j -> j.running(clock.instant()));
    }

    /** The tenant asked to cancel a job at fal; the reconciler cancels it there and follows up. */
    @Transactional
    public void requestCancel(UUID jobId) {
        jobs.findById(jobId).filter(j -> !j.status().isTerminal()).ifPresent(j -> j.requestCancel(clock.instant()));
    }

    /** Given up on: stuck at fal past its deadline. Its reservation is released. */
    @Transactional
    public void expired(UUID jobId, String message) {
        Job job = jobs.findById(jobId).orElse(null);
        if (job == null || job.status().isTerminal()) {
            return;
        }
        ledger.release(job.id());
        end(job, () -> job.expired(message, clock.instant()));
    }

    /**
     * Moves a job, its ledger already settled or released, to its final state, and saves it, which publishes its
     * {@link JobFinished}.
     */
    private void end(Job job, Runnable transition) {
        transition.run();
        jobs.saveAndFlush(job);
        metrics.ended(job);
    }
}
