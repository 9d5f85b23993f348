package dev.darkroom.orchestrator.webhooks;

import dev.darkroom.orchestrator.webhooks.DeliveryQueue.Claimed;
import dev.darkroom.support.net.ForbiddenUrlException;
import dev.darkroom.support.net.UrlGuard;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Attempts deliveries concurrently on a bounded pool, at most {@code per-endpoint-concurrency} at once to one
 * endpoint, so a slow endpoint holds only its own slots and never delays another's deliveries. A round leases no
 * more deliveries than there are free slots; each attempt runs outside any transaction and writes its outcome
 * after.
 */
@Component
class DeliveryEngine implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeliveryEngine.class);

    private final DeliveryQueue queue;
    private final WebhookEndpoints endpoints;
    private final WebhookPoster poster;
    private final DeliveryOutcomes outcomes;
    private final TenantWebhookProperties properties;
    private final Clock clock;
    private final UrlGuard guard;
    private final Semaphore slots;
    private final Map<UUID, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private volatile Runnable onSlotFree = () -> {};

    DeliveryEngine(
            DeliveryQueue queue,
            WebhookEndpoints endpoints,
            WebhookPoster poster,
            DeliveryOutcomes outcomes,
            TenantWebhookProperties properties,
            Clock clock) {
        this.queue = queue;
        this.endpoints = endpoints;
        this.poster = poster;
        this.outcomes = outcomes;
        this.properties = properties;
        this.clock = clock;
        this.guard = new UrlGuard(properties.allowedHosts());
        this.slots = new Semaphore(properties.concurrency());
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(properties.concurrency(), r -> {
            Thread t = new Thread(r, "tenant-webhooks-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tenant-webhooks-retry-timer");
            t.setDaemon(true);
            return t;
        });
    }

    void whenSlotFrees(Runnable action) {
        this.onSlotFree = action;
    }

    /** One round: lease what the free slots can take and start it; true when more may be due right away. */
    boolean round() {
        int free = slots.availablePermits();
        if (free == 0) {
            return false;
        }
        Instant now = clock.instant();
        // an attempt ends by its deadline; the lease outlasts it with room for writing the outcome
        Instant leaseUntil = now.plus(properties.timeout().multipliedBy(2)).plusSeconds(5);
        List<UUID> busy = inFlight.entrySet().stream()
                .filter(e -> e.getValue().get() >= properties.perEndpointConcurrency())
                .map(Map.Entry::getKey)
                .toList();
        List<Claimed> claimed = queue.claim(now, leaseUntil, free, properties.perEndpointConcurrency(), busy);
        for (Claimed c : claimed) {
            if (!take(c.endpointId())) {
                queue.release(c, clock.instant());
                continue;
            }
            pool.execute(() -> {
                try {
                    attempt(c);
                } catch (RuntimeException e) {
                    log.warn(
                            "tenant webhook delivery {} attempt could not be completed; its lease will run out",
                            c.id(),
                            e);
                } finally {
                    give(c.endpointId());
                    onSlotFree.run();
                }
            });
        }
        return claimed.size() == free;
    }

    /** After the loops stopped: attempts in flight get their deadline to finish and record their outcome. */
    @Override
    public void destroy() {
        timer.shutdownNow();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(properties.timeout().plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
    }

    private boolean take(UUID endpoint) {
        if (!slots.tryAcquire()) {
            return false;
        }
        AtomicInteger n = inFlight.computeIfAbsent(endpoint, k -> new AtomicInteger());
        if (n.incrementAndGet() > properties.perEndpointConcurrency()) {
            give(endpoint);
            return false;
        }
        return true;
    }

    private void give(UUID endpoint) {
        inFlight.computeIfPresent(endpoint, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
        slots.release();
    }

    private void attempt(Claimed c) {
        Optional<WebhookEndpoint> found = endpoints.find(c.endpointId());
        if (found.isEmpty() || !found.get().enabled()) {
            // deleted or disabled since the claim: the delivery waits (or went with its endpoint)
            queue.release(c, clock.instant());
            return;
        }
        WebhookEndpoint endpoint = found.get();
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        WebhookPoster.Result result;
        try {
            URI target = guard.check(endpoint.url());
            result = poster.post(
                    target, c.messageId().toString(), c.payload(), endpoint.signingSecrets(started), started);
        } catch (ForbiddenUrlException e) {
            result = new WebhookPoster.Result(null, e.getMessage(), null);
        }
        long latencyMs = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        Instant next = outcomes.record(c, endpoint, started, latencyMs, result);
        if (next != null) {
            // early retries are due sooner than the fallback poll; a timer wakes this replica then (a crash loses
            // only the timer: the poll still finds the delivery)
            // rounded up: a wake-up even a microsecond early finds nothing due and would leave it to the poll
            long delay = Math.max(0, Duration.between(clock.instant(), next).toMillis()) + 2;
            if (delay < properties.interval().toMillis()) {
                timer.schedule(() -> onSlotFree.run(), delay, TimeUnit.MILLISECONDS);
            }
        }
    }
}
