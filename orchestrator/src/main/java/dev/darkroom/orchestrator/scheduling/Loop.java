package dev.darkroom.orchestrator.scheduling;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One registered background loop: a named round that the {@link LoopRunner} runs every {@code interval}, at once
 * when {@link #nudge()}d, and again straight away while the round reports more work. The component that owns the
 * round keeps this handle to wake it.
 */
public final class Loop {

    private static final Logger log = LoggerFactory.getLogger(Loop.class);

    private final String name;
    private final Duration interval;
    private final BooleanSupplier round;
    private final Semaphore wake = new Semaphore(0);

    Loop(String name, Duration interval, BooleanSupplier round) {
        this.name = name;
        this.interval = interval;
        this.round = round;
    }

    public String name() {
        return name;
    }

    /** Runs a round soon, without waiting for the interval. */
    public void nudge() {
        wake.release();
    }

    /** Runs a round soon after the current transaction commits, so the round sees what it wrote; at once without one. */
    public void nudgeAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            nudge();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                nudge();
            }
        });
    }

    /** One round on the loop's thread; a failing round is logged and retried next interval. */
    boolean runOnce() {
        try {
            return round.getAsBoolean();
        } catch (RuntimeException e) {
            log.warn("{} round failed; retrying in {}", name, interval, e);
            return false;
        }
    }

    /** Waits for the interval or a nudge; false when interrupted. */
    boolean pause() {
        try {
            wake.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
            wake.drainPermits();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
