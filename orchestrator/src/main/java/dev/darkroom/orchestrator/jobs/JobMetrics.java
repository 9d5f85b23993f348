package dev.darkroom.orchestrator.jobs;

import dev.darkroom.contracts.catalog.Catalog;
import dev.darkroom.contracts.jobs.JobStatus;
import dev.darkroom.support.metrics.HistogramBuckets;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a finished job tells operators: {@code darkroom_jobs_finished_total{model,status}} (with
 * {@code darkroom_jobs_failed_total{model,error_code}} for the failed and expired ones), how long it took
 * end to end, how long it waited for a slot, how long it was at fal ({@code darkroom_job_*_seconds}), and the money
 * it settled ({@code darkroom_spend_settled_usd_total{model}}), whether it met the latency objective
 * ({@code darkroom_jobs_latency_slo_total{model,within}}), and the objectives themselves. Recorded after the job's final transaction commits,
 * so a rolled-back ending is never counted.
 */
@Component
class JobMetrics {

    /** Error codes are fal's error types and Darkroom's own; anything else would be an unbounded label. */
    private static final List<JobStatus> FINAL =
            List.of(JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELED, JobStatus.EXPIRED);

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,47}");

    private final MeterRegistry meters;
    private final SloProperties slo;

    JobMetrics(MeterRegistry meters, Catalog catalog, SloProperties slo) {
        this.meters = meters;
        this.slo = slo;
        Gauge.builder("darkroom_slo_objective_ratio", slo, SloProperties::jobSuccess)
                .description("the target the burn-rate alerts judge (darkroom.slo.*)")
                .tag("slo", "job_success")
                .register(meters);
        Gauge.builder("darkroom_slo_objective_ratio", slo, SloProperties::latency)
                .description("the target the burn-rate alerts judge (darkroom.slo.*)")
                .tag("slo", "job_latency")
                .register(meters);
        // counters start at zero, so the first job of each model and final state shows as an increase (the SLO
        // ratios depend on it); error codes are too many to pre-register and only break failures down
        catalog.models().forEach(m -> {
            FINAL.forEach(status -> finished(m.id(), status));
            settled(m.id());
            withinLatency(m.id(), true);
            withinLatency(m.id(), false);
        });
    }

    /** Called inside the transaction that moved the job to its final state. */
    void ended(Job job) {
        Ended ended = new Ended(job);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            record(ended);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                record(ended);
            }
        });
    }

    private void record(Ended e) {
        finished(e.model, e.status).increment();
        if (e.status == JobStatus.FAILED || e.status == JobStatus.EXPIRED) {
            Counter.builder("darkroom_jobs_failed_total")
                    .description("failed and expired jobs, by model and error code")
                    .tag("model", e.model)
                    .tag("error_code", e.errorCode)
                    .register(meters)
                    .increment();
        }
        timer("darkroom_job_duration_seconds", "accepted to a final state", e).record(e.duration);
        if (e.queueWait != null) {
            timer("darkroom_job_queue_wait_seconds", "queued until dispatched to a worker", e)
                    .record(e.queueWait);
        }
        if (e.atFal != null) {
            timer("darkroom_job_fal_seconds", "submitted to fal until a final state", e)
                    .record(e.atFal);
        }
        if (e.status == JobStatus.SUCCEEDED) {
            withinLatency(e.model, e.duration.compareTo(slo.latencyThreshold()) <= 0)
                    .increment();
        }
        if (e.cost != null && e.cost.signum() > 0) {
            settled(e.model).increment(e.cost.doubleValue());
        }
    }

    private Counter finished(String model, JobStatus status) {
        return Counter.builder("darkroom_jobs_finished_total")
                .description("jobs that reached a final state after admission, by model and status")
                .tag("model", model)
                .tag("status", status.apiName())
                .register(meters);
    }

    private Counter withinLatency(String model, boolean within) {
        return Counter.builder("darkroom_jobs_latency_slo_total")
                .description("succeeded jobs, by whether they finished within darkroom.slo.latency-threshold")
                .tag("model", model)
                .tag("within", String.valueOf(within))
                .register(meters);
    }

    private Counter settled(String model) {
        return Counter.builder("darkroom_spend_settled_usd_total")
                .description("money settled for succeeded jobs, USD")
                .tag("model", model)
                .register(meters);
    }

    private Timer timer(String name, String description, Ended e) {
        return Timer.builder(name)
                .description(description)
                .tag("model", e.model)
                .tag("status", e.status.apiName())
                .serviceLevelObjectives(HistogramBuckets.JOB)
                .register(meters);
    }

    /** The numbers read from the job while its transaction (and lazy history) is open. */
    private static final class Ended {
        final String model;
        final JobStatus status;
        final String errorCode;
        final Duration duration;
        final Duration queueWait;
        final Duration atFal;
        final BigDecimal cost;

        Ended(Job job) {
            Instant end = job.updatedAt();
            model = job.model();
            status = job.status();
            errorCode = job.errorCode() == null
                    ? "none"
                    : CODE.matcher(job.errorCode()).matches() ? job.errorCode() : "other";
            duration = between(job.createdAt(), end);
            queueWait = between(entered(job, JobStatus.QUEUED), entered(job, JobStatus.DISPATCHED));
            atFal = between(entered(job, JobStatus.SUBMITTED), end);
            cost = job.costUsd();
        }

        private static Instant entered(Job job, JobStatus state) {
            return job.history().stream()
                    .filter(t -> t.toStatus() == state)
                    .map(JobTransition::at)
                    .findFirst()
                    .orElse(null);
        }

        private static Duration between(Instant from, Instant to) {
            return from == null || to == null ? null : Duration.between(from, to);
        }
    }
}
