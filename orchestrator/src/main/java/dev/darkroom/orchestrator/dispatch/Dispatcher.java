package dev.darkroom.orchestrator.dispatch;

import dev.darkroom.contracts.catalog.Catalog;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.orchestrator.jobs.Job;
import dev.darkroom.orchestrator.jobs.JobRepository;
import dev.darkroom.orchestrator.outbox.Outbox;
import dev.darkroom.orchestrator.scheduling.PollingLoop;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Releases queued jobs to the work queues. Each round, in one transaction holding the dispatch lock, it fills the
 * free global slots one job at a time, each from the tenant whose turn it is, and writes a {@link DispatchJob} to
 * the outbox with the state change.
 */
@Component
public class Dispatcher extends PollingLoop {

    public Dispatcher(
            DispatchQueries queries,
            JobRepository jobs,
            Outbox outbox,
            TransactionTemplate tx,
            Clock clock,
            MeterRegistry meters,
            DispatchProperties properties,
            Catalog catalog) {
        super(
                "dispatcher",
                properties.interval(),
                () -> Boolean.TRUE.equals(tx.execute(s -> {
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
                        outbox.append(
                                Messaging.WORK_EXCHANGE,
                                Redispatch.routingKey(job),
                                Redispatch.message(job, now),
                                job.traceContext());
                        meters.counter("darkroom_jobs_dispatched_total", "model", job.model())
                                .increment();
                    }
                    return false;
                })));
        // counters start at zero, so the first dispatch of each model shows as an increase
        catalog.models().forEach(m -> meters.counter("darkroom_jobs_dispatched_total", "model", m.id()));
    }
}
