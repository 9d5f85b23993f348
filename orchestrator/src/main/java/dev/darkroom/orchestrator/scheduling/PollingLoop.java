package dev.darkroom.orchestrator.scheduling;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One background thread that runs a task every {@code interval}, or at once when {@link #nudge()}d, and again
 * straight away while the task reports more work. It starts with the application and, on shutdown, finishes the
 * round in progress before the context closes. A failing round is logged and retried next interval.
 */
public class PollingLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollingLoop.class);

    private final String name;
    private final Duration interval;
    private final BooleanSupplier round;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    /**
     * @param round one round of work; returns true when it stopped early and more work is waiting
     */
    public PollingLoop(String name, Duration interval, BooleanSupplier round) {
        this.name = name;
        this.interval = interval;
        this.round = round;
    }

    /** Runs one round on the caller's thread; true when more work is waiting. For tests and operators. */
    public boolean runRound() {
        return round.getAsBoolean();
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

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        wake.release();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server and the broker connections, after which a round could not finish. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE + 1000;
    }

    private void loop() {
        while (running) {
            boolean more = false;
            try {
                more = round.getAsBoolean();
            } catch (RuntimeException e) {
                log.warn("{} round failed; retrying in {}", name, interval, e);
            }
            if (!more) {
                try {
                    wake.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
