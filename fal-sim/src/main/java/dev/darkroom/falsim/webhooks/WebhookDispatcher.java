package dev.darkroom.falsim.webhooks;

import dev.darkroom.falsim.DaemonThreads;
import dev.darkroom.falsim.Resettable;
import dev.darkroom.falsim.faults.WebhookFaults;
import dev.darkroom.falsim.queue.Outcome;
import dev.darkroom.falsim.queue.RequestListener;
import dev.darkroom.falsim.queue.SimRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends a completed request's webhook the way fal does (docs/fal-protocol.md#webhooks): a signed JSON POST, retried on
 * a non-2xx answer or a failed call on the configured schedule. Deliveries run on their own bounded pool, never on the
 * request or queue threads. Faults decided at submit may drop, delay, duplicate or reorder it.
 */
@Component
class WebhookDispatcher implements RequestListener, Resettable, DisposableBean {

    /** fal's own wording (docs/fal-protocol.md#webhooks). */
    static final String PAYLOAD_ERROR = "Response payload is not JSON serializable. Either return a JSON serializable"
            + " object or use the queue endpoint to retrieve the response.";

    private final WebhookProperties properties;
    private final SigningKeys keys;
    private final DeliveryLog deliveryLog;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("fal-sim-webhook-timer"));
    private final ExecutorService senders;
    private final AtomicReference<Delivery> held = new AtomicReference<>();
    private final AtomicLong generation = new AtomicLong();

    WebhookDispatcher(
            WebhookProperties properties, SigningKeys keys, DeliveryLog deliveryLog, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.keys = keys;
        this.deliveryLog = deliveryLog;
        this.json = json;
        this.clock = clock;
        this.senders = Executors.newFixedThreadPool(
                properties.maxConcurrentDeliveries(), DaemonThreads.named("fal-sim-webhook"));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.timeout())
                .build();
    }

    @Override
    public void completed(SimRequest request) {
        SimRequest.View view = request.view();
        String url = view.submission().webhookUrl();
        if (url == null) {
            return;
        }
        WebhookFaults faults = view.submission().faults().webhook();
        WebhookRecord record = deliveryLog.open(request.id(), url, faults);
        if ("client_cancelled".equals(view.outcome().errorType()) && !properties.sendOnCancel()) {
            record.skipped();
            return;
        }
        if (faults.drop()) {
            record.dropped();
            return;
        }
        byte[] body = json.writeValueAsBytes(body(view));
        String bodySha256 = sha256Hex(body);
        long gen = generation.get();
        Duration delay = faults.delay() != null ? faults.delay() : Duration.ZERO;
        Delivery first = new Delivery(
                request.id(),
                URI.create(url),
                body,
                bodySha256,
                record,
                record.addDelivery(),
                1,
                faults.reorder(),
                gen);
        later(delay, () -> ready(first));
        if (faults.duplicate()) {
            Delivery copy = new Delivery(
                    request.id(), URI.create(url), body, bodySha256, record, record.addDelivery(), 1, false, gen);
            later(delay.plus(properties.duplicateGap()), () -> ready(copy));
        }
    }

    /**
     * fal's webhook body: OK with the output, or ERROR with "Invalid status code: N" and the error body; with a
     * payload error, {@code payload: null} and fal's {@code payload_error} instead of the body.
     */
    private static ObjectNode body(SimRequest.View view) {
        Outcome outcome = view.outcome();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("request_id", view.submission().id());
        body.put("gateway_request_id", view.gatewayRequestId());
        body.put("status", outcome.ok() ? "OK" : "ERROR");
        if (!outcome.ok()) {
            body.put("error", "Invalid status code: " + outcome.status());
        }
        if (view.submission().faults().webhook().payloadError()) {
            body.putNull("payload");
            body.put("payload_error", PAYLOAD_ERROR);
        } else {
            body.set("payload", outcome.body());
        }
        return body;
    }

    /** A first attempt is due: send it, or hold it back to be overtaken. */
    private void ready(Delivery delivery) {
        if (delivery.generation() != generation.get()) {
            return;
        }
        if (delivery.reorder()) {
            Delivery previous = held.getAndSet(delivery);
            if (previous != null) {
                senders.execute(() -> attempt(previous));
            }
            later(properties.reorderMaxHold(), () -> {
                if (held.compareAndSet(delivery, null)) {
                    senders.execute(() -> attempt(delivery));
                }
            });
            return;
        }
        Delivery overtaken = held.getAndSet(null);
        senders.execute(() -> {
            attempt(delivery);
            if (overtaken != null) {
                attempt(overtaken);
            }
        });
    }

    private void attempt(Delivery d) {
        if (d.generation() != generation.get()) {
            return;
        }
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        SigningKeys.Signed signed =
                keys.sign(String.join("\n", d.requestId(), properties.userId(), timestamp, d.bodySha256()));
        HttpRequest request = HttpRequest.newBuilder(d.url())
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "fal-sim-webhook")
                .header("X-Fal-Webhook-Request-Id", d.requestId())
                .header("X-Fal-Webhook-User-Id", properties.userId())
                .header("X-Fal-Webhook-Timestamp", timestamp)
                .header("X-Fal-Webhook-Signature", signed.signature())
                .POST(HttpRequest.BodyPublishers.ofByteArray(d.body()))
                .build();
        Instant start = clock.instant();
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        d.record()
                .attempted(
                        new WebhookRecord.Attempt(d.number(), d.attempt(), start, status, error, millis, signed.kid()));
        boolean delivered = status != null && status >= 200 && status < 300;
        if (delivered || d.attempt() >= properties.maxAttempts()) {
            d.record().finished(d.number(), delivered);
            return;
        }
        later(properties.retryDelays().get(d.attempt() - 1), () -> senders.execute(() -> attempt(d.next())));
    }

    private void later(Duration delay, Runnable task) {
        if (delay.isZero() || delay.isNegative()) {
            task.run();
        } else {
            timers.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void reset() {
        generation.incrementAndGet();
        held.set(null);
        deliveryLog.clear();
    }

    @Override
    public void destroy() {
        timers.shutdownNow();
        senders.shutdownNow();
    }

    private static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** One delivery of a webhook body, at one attempt number. */
    private record Delivery(
            String requestId,
            URI url,
            byte[] body,
            String bodySha256,
            WebhookRecord record,
            int number,
            int attempt,
            boolean reorder,
            long generation) {

        Delivery next() {
            return new Delivery(requestId, url, body, bodySha256, record, number, attempt + 1, false, generation);
        }
    }
}
