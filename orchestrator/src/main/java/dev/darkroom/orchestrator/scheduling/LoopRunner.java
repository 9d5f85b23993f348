package dev.darkroom.orchestrator.scheduling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs every background loop of the orchestrator, one daemon thread each. Components register their named round in
 * their constructor ({@code loops.register("dispatcher", interval, this::dispatchRound)}) and keep the returned
 * {@link Loop} to nudge it. The threads start with the application; on shutdown each finishes the round in progress
 * before the context closes.
 */
@Component
public class LoopRunner implements SmartLifecycle {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final List<Loop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    /**
     * Registers a loop, started with the application.
     *
     * @param name the thread's name, also in log lines
     * @param interval the wait between rounds when not nudged
     * @param round one round of work; returns true when it stopped early and more work is waiting
     */
    public synchronized Loop register(String name, Duration interval, BooleanSupplier round) {
        Loop loop = new Loop(name, interval, round);
        loops.add(loop);
        if (running) {
            startThread(loop);
        }
        return loop;
    }

    @Override
    public synchronized void start() {
        running = true;
        loops.forEach(this::startThread);
    }

    @Override
    public synchronized void stop() {
        running = false;
        loops.forEach(Loop::nudge);
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
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

    private void startThread(Loop loop) {
        Thread thread = new Thread(() -> run(loop), loop.name());
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private void run(Loop loop) {
        while (running) {
            boolean more = loop.runOnce();
            if (!more && !loop.pause()) {
                return;
            }
        }
    }
}
