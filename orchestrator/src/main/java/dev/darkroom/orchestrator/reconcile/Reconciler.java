package dev.darkroom.orchestrator.reconcile;

import dev.darkroom.orchestrator.scheduling.PollingLoop;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each round leases due jobs (a short transaction), then looks at each one outside any transaction, since that
 * means calls to fal, renewing each job's lease just before its look (see {@link JobCheck#check}); and cancels at
 * fal the requests Darkroom no longer wants.
 */
@Component
class Reconciler extends PollingLoop {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    Reconciler(
            ReconcilerQueries queries,
            JobCheck check,
            ReconcilerMetrics metrics,
            TransactionTemplate tx,
            Clock clock,
            ReconcilerProperties properties) {
        super("reconciler", properties.interval(), () -> {
            Instant now = clock.instant();
            List<DueJob> due =
                    tx.execute(s -> queries.leaseDue(now, now.plus(properties.lease()), properties.batchSize()));
            for (DueJob job : due) {
                try {
                    check.check(job);
                } catch (RuntimeException e) {
                    metrics.action("error");
                    log.warn("reconciling job {} failed; looking again in {}", job.id(), properties.pollInterval(), e);
                    queries.checkAgainAt(job.id(), clock.instant().plus(properties.pollInterval()));
                }
            }
            check.cancelUnwanted(properties.batchSize());
            return due.size() == properties.batchSize();
        });
    }
}
