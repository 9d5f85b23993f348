package dev.darkroom.falsim.queue;

import dev.darkroom.falsim.DaemonThreads;
import dev.darkroom.falsim.Resettable;
import dev.darkroom.falsim.faults.Faults;
import dev.darkroom.falsim.faults.ModelError;
import dev.darkroom.falsim.render.OutputRenderer;
import dev.darkroom.falsim.render.RenderedOutput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs the queue: at most {@code concurrency} requests IN_PROGRESS, the rest waiting by priority then arrival. A
 * started request "runs" for its model time on a timer (no thread held), then its outputs are rendered on a small
 * worker pool and it completes. Every state change goes through {@link SimRequest}, which settles races between a
 * finish, a cancel and a start timeout.
 */
@Component
public class QueueRunner implements Resettable, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(QueueRunner.class);
    private static final Comparator<SimRequest> ORDER = Comparator.comparing(
                    (SimRequest r) -> r.submission().priority())
            .reversed()
            .thenComparingLong(r -> r.submission().sequence());

    private final RequestStore store;
    private final QueueProperties properties;
    private final OutputRenderer renderer;
    private final Faults faults;
    private final Clock clock;
    private final ObjectProvider<RequestListener> listeners;
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("fal-sim-timer"));
    private final ExecutorService workers;
    private final PriorityQueue<SimRequest> waiting = new PriorityQueue<>(ORDER);
    private final Set<SimRequest> running = new HashSet<>();
    private final AtomicLong sequence = new AtomicLong();

    QueueRunner(
            RequestStore store,
            QueueProperties properties,
            OutputRenderer renderer,
            Faults faults,
            Clock clock,
            ObjectProvider<RequestListener> listeners) {
        this.store = store;
        this.properties = properties;
        this.renderer = renderer;
        this.faults = faults;
        this.clock = clock;
        this.listeners = listeners;
        int workerCount = Math.max(
                1, Math.min(properties.concurrency(), Runtime.getRuntime().availableProcessors()));
        this.workers = Executors.newFixedThreadPool(workerCount, DaemonThreads.named("fal-sim-model"));
        timers.scheduleWithFixedDelay(this::forgetOld, 1, 1, TimeUnit.MINUTES);
    }

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    /** Queues a request (stuck ones are never picked up) and starts what the concurrency allows. */
    SimRequest submit(Submission submission) {
        SimRequest request = new SimRequest(submission);
        store.put(request);
        if (!submission.faults().stuck()) {
            synchronized (this) {
                waiting.add(request);
            }
        }
        if (submission.startTimeout() != null) {
            timers.schedule(
                    () -> startTimedOut(request), submission.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        dispatch();
        return request;
    }

    /** Requests ahead of this one; 0 for a request that is not waiting. */
    public synchronized int position(SimRequest request) {
        if (!waiting.contains(request)) {
            return 0;
        }
        int ahead = 0;
        for (SimRequest other : waiting) {
            if (ORDER.compare(other, request) < 0) {
                ahead++;
            }
        }
        return ahead;
    }

    /** IN_QUEUE requests of an app, for {@code fal_max_queue_length}. */
    int queueLength(String appId) {
        return (int) store.all().stream()
                .filter(r -> r.submission().appId().equals(appId) && r.state() == RequestState.IN_QUEUE)
                .count();
    }

    /** fal's cancel: a waiting request is removed, a running one is signalled and usually stops. */
    CancelResult cancel(SimRequest request) {
        RequestState state;
        synchronized (this) {
            state = request.state();
            if (state == RequestState.IN_QUEUE) {
                waiting.remove(request);
            }
        }
        switch (state) {
            case COMPLETED -> {
                return CancelResult.ALREADY_COMPLETED;
            }
            case IN_PROGRESS -> {
                request.requestCancel();
                request.log(LogEntry.info("Cancellation requested", clock.instant()));
                if (faults.roll(faults.settings().cancelIgnoredRate())) {
                    notifyChanged();
                    return CancelResult.REQUESTED;
                }
            }
            default -> {
                // IN_QUEUE: removed above
            }
        }
        complete(
                request,
                Outcome.failure(
                        ModelError.of("client_cancelled", request.submission().prompt()), 0, null));
        return CancelResult.REQUESTED;
    }

    private void dispatch() {
        List<SimRequest> started = new ArrayList<>();
        synchronized (this) {
            while (running.size() < properties.concurrency() && !waiting.isEmpty()) {
                SimRequest next = waiting.poll();
                running.add(next);
                started.add(next);
            }
        }
        started.forEach(this::begin);
        // one notice for every request started (and for the queue positions that moved)
        notifyChanged();
    }

    private void begin(SimRequest request) {
        if (!request.start(clock.instant())) {
            release(request);
            return;
        }
        Submission s = request.submission();
        request.log(LogEntry.info("Runner acquired for " + s.endpointId(), clock.instant()));
        if (s.validationDetail() != null) {
            // fal validates in the runner: the request was queued, then fails at once
            complete(request, Outcome.failure(ModelError.validation(s.validationDetail()), 0, 0.0));
            return;
        }
        if (s.faults().falRetries() > 0 && failedRunners(request)) {
            return;
        }
        Duration modelTime = s.faults().slow() != null
                ? s.faults().slow()
                : properties.modelTimeOf(s.endpointId(), s.model().kind());
        request.log(LogEntry.info("Loading model weights", clock.instant()));
        timers.schedule(
                () -> logIfRunning(request, "Generating (" + s.model().name() + ")"),
                modelTime.toMillis() / 2,
                TimeUnit.MILLISECONDS);
        timers.schedule(
                () -> workers.execute(() -> finish(request, modelTime)), modelTime.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Runners that fail with a 503 before one serves the request: fal retries each on a new runner under a new
     * attempt id, unless {@code X-Fal-No-Retry}, when the first failure is the request's outcome. True when the
     * request failed.
     */
    private boolean failedRunners(SimRequest request) {
        Submission s = request.submission();
        if (s.noRetry()) {
            complete(request, Outcome.failure(ModelError.of("runner_disconnected", s.prompt()), 0, null));
            return true;
        }
        for (int retry = 1; retry <= s.faults().falRetries(); retry++) {
            request.log(LogEntry.info(
                    "Runner failed with 503; retrying on a new runner (retry " + retry + " of " + Faults.MAX_FAL_RETRIES
                            + ")",
                    clock.instant()));
            request.retriedAs(UUID.randomUUID().toString());
        }
        return false;
    }

    private void logIfRunning(SimRequest request, String message) {
        if (store.holds(request) && request.state() == RequestState.IN_PROGRESS) {
            request.log(LogEntry.info(message, clock.instant()));
            notifyChanged();
        }
    }

    private void finish(SimRequest request, Duration modelTime) {
        if (!store.holds(request) || request.state() != RequestState.IN_PROGRESS) {
            return;
        }
        Submission s = request.submission();
        double seconds = modelTime.toNanos() / 1e9;
        Outcome outcome;
        if (s.faults().modelError() != null) {
            outcome = Outcome.failure(ModelError.of(s.faults().modelError(), s.prompt()), 0, seconds);
        } else {
            try {
                RenderedOutput output = renderer.render(
                        s.model(),
                        s.input(),
                        s.baseUrl(),
                        s.outputLifetime(),
                        seconds,
                        s.faults().nsfwImages());
                request.log(LogEntry.info(output.summary(), clock.instant()));
                outcome = Outcome.success(output.body(), output.bodySize(), seconds);
            } catch (Exception e) {
                log.error("rendering outputs of {} failed", s.id(), e);
                outcome = Outcome.failure(ModelError.of("runner_server_error", s.prompt()), 0, seconds);
            }
        }
        complete(request, outcome);
    }

    private void startTimedOut(SimRequest request) {
        synchronized (this) {
            if (!store.holds(request) || request.state() != RequestState.IN_QUEUE) {
                return;
            }
            waiting.remove(request);
        }
        complete(
                request,
                Outcome.failure(
                        ModelError.of("startup_timeout", request.submission().prompt()), 0, null));
    }

    private void complete(SimRequest request, Outcome outcome) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(
                properties.retentionOf(outcome.bodySize(), request.submission().payloadStored()));
        if (!request.complete(outcome, now, expiresAt)) {
            return;
        }
        release(request);
        for (RequestListener listener : listeners) {
            try {
                listener.completed(request);
            } catch (RuntimeException e) {
                log.error("completion listener failed for {}", request.id(), e);
            }
        }
    }

    private void release(SimRequest request) {
        synchronized (this) {
            running.remove(request);
        }
        dispatch();
    }

    private void notifyChanged() {
        for (RequestListener listener : listeners) {
            try {
                listener.queueChanged();
            } catch (RuntimeException e) {
                log.error("queue listener failed", e);
            }
        }
    }

    private void forgetOld() {
        for (SimRequest request : store.forgetBefore(clock.instant().minus(properties.forgetAfter()))) {
            for (RequestListener listener : listeners) {
                try {
                    listener.forgotten(request);
                } catch (RuntimeException e) {
                    log.error("forget listener failed for {}", request.id(), e);
                }
            }
        }
    }

    @Override
    public void reset() {
        synchronized (this) {
            waiting.clear();
            running.clear();
        }
        store.clear();
        notifyChanged();
    }

    @Override
    public void destroy() {
        timers.shutdownNow();
        workers.shutdownNow();
    }

    /** What a cancel did. */
    enum CancelResult {
        REQUESTED,
        ALREADY_COMPLETED
    }
}
