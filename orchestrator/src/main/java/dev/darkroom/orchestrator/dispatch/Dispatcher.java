package dev.darkroom.orchestrator.dispatch;

import dev.darkroom.contracts.catalog.Catalog;
import dev.darkroom.orchestrator.jobs.Job;
import dev.darkroom.orchestrator.jobs.JobFinished;
import dev.darkroom.orchestrator.jobs.JobQueued;
import dev.darkroom.orchestrator.jobs.JobRepository;
import dev.darkroom.orchestrator.scheduling.Loop;
import dev.darkroom.orchestrator.scheduling.LoopRunner;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Releases queued jobs to the work queues. Each round, in one transaction holding the dispatch lock, it fills the
 * free global slots one job at a time, each from the tenant whose turn it is, and writes a
 * {@link dev.darkroom.contracts.messages.DispatchJob} to the outbox with the state change. A job queued or finished
 * wakes it once that change commits.
 */
@Component
class Dispatcher {

    private final DispatchQueries queries;
    private final JobRepository jobs;
    private final WorkMessages messages;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MeterRegistry meters;
    private final DispatchProperties properties;
    private final Loop loop;

    Dispatcher(
            DispatchQueries queries,
            JobRepository jobs,
            WorkMessages messages,
            TransactionTemplate tx,
            Clock clock,
            MeterRegistry meters,
            DispatchProperties properties,
            Catalog catalog,
            LoopRunner loops) {
        this.queries = queries;
        this.jobs = jobs;
        this.messages = messages;
        this.tx = tx;
        this.clock = clock;
        this.meters = meters;
        this.properties = properties;
        // counters start at zero, so the first dispatch of each model shows as an increase
        catalog.models().forEach(m -> meters.counter("darkroom_jobs_dispatched_total", "model", m.id()));
        this.loop = loops.register("dispatcher", properties.interval(), this::dispatchRound);
    }

    /** A job waits for dispatch: look for room once its admission has committed. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(JobQueued event) {
        loop.nudge();
    }

    /** A job left its slot: dispatch the next one once that has committed. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(JobFinished event) {
        loop.nudge();
    }

    /** Runs a round soon, without waiting for the interval. */
    void nudge() {
        loop.nudge();
    }

    /** One round: fill the free global slots, each with the next job of the tenant whose turn it is. */
    boolean dispatchRound() {
        return Boolean.TRUE.equals(tx.execute(s -> {
            if (!queries.tryLock()) {
                return false;
            }
            int free = properties.globalInFlightCap() - queries.inFlight();
            for (int i = 0; i < free; i++) {
                Optional<UUID> next = queries.next();
                if (next.isEmpty()) {
                    return false;
                }
                Job job = jobs.findById(next.get()).orElseThrow();
                Instant now = clock.instant();
                job.dispatch(now, now.plus(properties.workerTimeout()));
                jobs.flush();
                queries.takeTurn(job.tenantId());
                messages.send(job, now);
                meters.counter("darkroom_jobs_dispatched_total", "model", job.model())
                        .increment();
            }
            return false;
        }));
    }
}
