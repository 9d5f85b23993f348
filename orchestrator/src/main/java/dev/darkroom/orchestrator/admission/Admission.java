package dev.darkroom.orchestrator.admission;

import dev.darkroom.contracts.catalog.Catalog;
import dev.darkroom.contracts.catalog.CostEstimate;
import dev.darkroom.contracts.catalog.CostEstimator;
import dev.darkroom.contracts.catalog.FalInputMapper;
import dev.darkroom.contracts.catalog.InputValidator;
import dev.darkroom.contracts.catalog.InvalidInputException;
import dev.darkroom.contracts.catalog.ModelSpec;
import dev.darkroom.contracts.catalog.UnknownModelException;
import dev.darkroom.contracts.jobs.JobStatus;
import dev.darkroom.contracts.messages.Rejection;
import dev.darkroom.contracts.messages.RejectionCode;
import dev.darkroom.contracts.messages.SubmitJob;
import dev.darkroom.contracts.messages.SubmitJobReply;
import dev.darkroom.orchestrator.api.Money;
import dev.darkroom.orchestrator.billing.Balance;
import dev.darkroom.orchestrator.billing.BudgetAlerts;
import dev.darkroom.orchestrator.billing.Ledger;
import dev.darkroom.orchestrator.jobs.Job;
import dev.darkroom.orchestrator.jobs.JobRepository;
import dev.darkroom.orchestrator.jobs.JobViews;
import dev.darkroom.orchestrator.jobs.NewJob;
import dev.darkroom.support.tracing.TraceContexts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Decides on one {@link SubmitJob} in one transaction. Re-delivery of the same command returns the job it already
 * recorded (the job id is the primary key); an {@code Idempotency-Key} reused with the same body returns the
 * original job. An admitted job is saved with its {@link dev.darkroom.orchestrator.jobs.JobQueued} event, which wakes
 * the dispatcher after commit.
 */
@Component
class Admission {

    private final TenantLimits limits;
    private final IdempotencyKeys idempotency;
    private final JobRepository jobs;
    private final JobViews views;
    private final Ledger ledger;
    private final BudgetAlerts alerts;
    private final Catalog catalog;
    private final InputValidator validator;
    private final CostEstimator estimator;
    private final Clock clock;
    private final AdmissionProperties properties;

    private final TraceContexts traces;

    Admission(
            TenantLimits limits,
            IdempotencyKeys idempotency,
            JobRepository jobs,
            JobViews views,
            Ledger ledger,
            BudgetAlerts alerts,
            Catalog catalog,
            InputValidator validator,
            CostEstimator estimator,
            TraceContexts traces,
            Clock clock,
            AdmissionProperties properties) {
        this.traces = traces;
        this.limits = limits;
        this.idempotency = idempotency;
        this.jobs = jobs;
        this.views = views;
        this.ledger = ledger;
        this.alerts = alerts;
        this.catalog = catalog;
        this.validator = validator;
        this.estimator = estimator;
        this.clock = clock;
        this.properties = properties;
    }

    @Transactional
    SubmitJobReply admit(SubmitJob command) {
        Optional<Job> known = jobs.findById(command.jobId());
        if (known.isPresent()) {
            return replyFor(known.get());
        }
        if (command.idempotencyKey() != null) {
            // before the tenant lock, which would queue a concurrent duplicate behind the first instead of refusing it
            Optional<SubmitJobReply> replay = idempotency.replay(command);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        Optional<TenantLimits.Locked> locked = limits.lock(command.tenantId());
        if (locked.isEmpty()) {
            return SubmitJobReply.rejected(
                    Rejection.of(RejectionCode.UNKNOWN_TENANT, "the key's tenant no longer exists"), null);
        }
        TenantLimits.Locked quota = locked.get();
        Optional<ModelSpec> model = catalog.find(command.model());
        JsonNode input;
        try {
            input = validator.validate(command.model(), command.input());
        } catch (InvalidInputException | UnknownModelException e) {
            // the gateway validated it with the same catalog; only a catalog change in between gets here
            return SubmitJobReply.rejected(Rejection.of(RejectionCode.INVALID_INPUT, e.getMessage()), null);
        }
        Instant now = clock.instant();
        Instant acceptedAt = acceptedAt(command, now);
        // the month the gateway accepted the job in, even when admission runs after midnight of the month's end
        LocalDate period = Ledger.periodOf(acceptedAt);
        CostEstimate estimate = estimator.estimate(model.get(), FalInputMapper.toFal(model.get(), input));
        Job job = Job.accepted(
                new NewJob(
                        command.jobId(),
                        command.tenantId(),
                        command.apiKeyId(),
                        command.model(),
                        model.get().kind(),
                        input.toString(),
                        command.metadata() == null || command.metadata().isNull()
                                ? null
                                : command.metadata().toString(),
                        estimate.amountUsd(),
                        period,
                        command.idempotencyKey()),
                acceptedAt);
        job.traceIn(traces.currentJson());
        Instant rateAt = rateTime(acceptedAt, now);
        Decision decision = decide(command, quota, estimate.amountUsd(), period, rateAt);
        if (decision.rejection() != null) {
            job.reject(decision.rejection().code(), decision.rejection().detail(), now);
            jobs.saveAndFlush(job);
            return SubmitJobReply.rejected(decision.rejection(), views.view(job));
        }
        job.queue(now);
        jobs.saveAndFlush(job);
        limits.countAdmitted(command.tenantId(), job.id(), rateAt);
        ledger.reserve(command.tenantId(), job.id(), period, estimate.amountUsd());
        BigDecimal before = decision.balance().committedUsd();
        alerts.check(
                command.tenantId(),
                period,
                quota.budgetUsd(),
                quota.thresholdsPct(),
                before,
                before.add(estimate.amountUsd()));
        if (command.idempotencyKey() != null) {
            idempotency.remember(command, now);
        }
        return SubmitJobReply.admitted(views.view(job));
    }

    /**
     * When the gateway accepted the job, which is the job's creation time even when admission comes later (the
     * orchestrator was down and the gateway answered 202); never later than now, whatever the clocks say.
     */
    private static Instant acceptedAt(SubmitJob command, Instant now) {
        return command.requestedAt() != null && command.requestedAt().isBefore(now) ? command.requestedAt() : now;
    }

    /** The time rate limits judge a request at: its acceptance time, believed as far back as the sanity window. */
    private Instant rateTime(Instant acceptedAt, Instant now) {
        Instant earliest = now.minus(properties.requestTimeMaxAge());
        return (acceptedAt.isBefore(earliest) ? earliest : acceptedAt).truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The checks, cheapest first, each under the tenant lock.
     *
     * @param rejection why the job is refused, or null
     * @param balance the tenant's month before this job (when it got as far as the budget check)
     */
    private record Decision(Rejection rejection, Balance balance) {}

    private Decision decide(
            SubmitJob command, TenantLimits.Locked quota, BigDecimal estimate, LocalDate period, Instant rateAt) {
        if (!quota.active()) {
            return new Decision(Rejection.of(RejectionCode.TENANT_SUSPENDED, "this tenant is suspended"), null);
        }
        TenantLimits.Usage usage = limits.usage(command.tenantId(), rateAt, quota.requestsPerMinute());
        RateWindow rate = usage.rate();
        if (rate.exceeds(quota.requestsPerMinute())) {
            return new Decision(
                    new Rejection(
                            RejectionCode.RATE_LIMITED,
                            "more than " + quota.requestsPerMinute() + " requests per minute",
                            rate.retryAfterSeconds(),
                            Map.of("requests_per_minute", quota.requestsPerMinute())),
                    null);
        }
        if (quota.allowedModels() != null && !quota.allowedModels().contains(command.model())) {
            return new Decision(
                    new Rejection(
                            RejectionCode.MODEL_NOT_ALLOWED,
                            "model " + command.model() + " is not allowed for this tenant",
                            null,
                            Map.of("allowed_models", quota.allowedModels())),
                    null);
        }
        if (usage.openJobs() >= quota.maxQueuedJobs()) {
            return new Decision(
                    new Rejection(
                            RejectionCode.CONCURRENCY_LIMITED,
                            "the tenant already has " + usage.openJobs() + " unfinished jobs, its limit",
                            5L,
                            Map.of("max_queued_jobs", quota.maxQueuedJobs())),
                    null);
        }
        Balance balance = ledger.lockBalance(command.tenantId(), period);
        if (balance.committedUsd().add(estimate).compareTo(quota.budgetUsd()) > 0) {
            Map<String, Object> money = new LinkedHashMap<>();
            money.put("budget_usd", Money.format(quota.budgetUsd()));
            money.put("spent_usd", Money.format(balance.spentUsd()));
            money.put("reserved_usd", Money.format(balance.reservedUsd()));
            money.put(
                    "remaining_usd",
                    Money.format(
                            quota.budgetUsd().subtract(balance.committedUsd()).max(BigDecimal.ZERO)));
            money.put("estimated_cost_usd", Money.format(estimate));
            return new Decision(
                    new Rejection(
                            RejectionCode.BUDGET_EXCEEDED, "this job would exceed the monthly budget", null, money),
                    balance);
        }
        return new Decision(null, balance);
    }

    /** A replay of a recorded job: a rejected one answers with the rejection it was stored with. */
    private SubmitJobReply replyFor(Job job) {
        if (job.status() == JobStatus.REJECTED) {
            return SubmitJobReply.rejected(
                    Rejection.of(RejectionCode.fromCode(job.errorCode()), job.errorMessage()), views.view(job));
        }
        return SubmitJobReply.admitted(views.view(job));
    }
}
