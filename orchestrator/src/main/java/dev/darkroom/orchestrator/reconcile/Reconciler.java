package dev.darkroom.orchestrator.reconcile;

import dev.darkroom.orchestrator.jobs.DueJob;
import dev.darkroom.orchestrator.jobs.JobChecks;
import dev.darkroom.orchestrator.scheduling.LoopRunner;
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
class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final JobChecks checks;
    private final JobCheck check;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ReconcilerProperties properties;

    Reconciler(
            JobChecks checks,
            JobCheck check,
            TransactionTemplate tx,
            Clock clock,
            ReconcilerProperties properties,
            LoopRunner loops) {
        this.checks = checks;
        this.check = check;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
        loops.register("reconciler", properties.interval(), this::reconcileRound);
    }

    /** One round: look at a batch of due jobs, then cancel unwanted requests. True when the batch was full. */
    boolean reconcileRound() {
        Instant now = clock.instant();
        List<DueJob> due = tx.execute(s -> checks.leaseDue(now, now.plus(properties.lease()), properties.batchSize()));
        for (DueJob job : due) {
            try {
                check.check(job);
            } catch (RuntimeException e) {
                log.warn("reconciling job {} failed; looking again in {}", job.id(), properties.pollInterval(), e);
                checks.checkAgainAt(job.id(), clock.instant().plus(properties.pollInterval()));
            }
        }
        check.cancelUnwanted(properties.batchSize());
        return due.size() == properties.batchSize();
    }
}
