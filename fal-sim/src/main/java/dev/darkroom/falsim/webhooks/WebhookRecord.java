package dev.darkroom.falsim.webhooks;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.darkroom.falsim.faults.WebhookFaults;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened to one request's webhook: each delivery (two for a duplicated webhook) and each attempt of it.
 * Thread-safe; {@link #view()} copies.
 */
public final class WebhookRecord {

    /** Where a webhook stands. */
    public enum State {
        PENDING,
        DELIVERED,
        FAILED,
        DROPPED,
        SKIPPED
    }

    private final String url;
    private final WebhookFaults faults;
    private final List<Attempt> attempts = new ArrayList<>();
    private final List<State> deliveries = new ArrayList<>();
    private State dropState;

    WebhookRecord(String url, WebhookFaults faults) {
        this.url = url;
        this.faults = faults;
    }

    synchronized int addDelivery() {
        deliveries.add(State.PENDING);
        return deliveries.size();
    }

    synchronized void attempted(Attempt attempt) {
        attempts.add(attempt);
    }

    synchronized void finished(int delivery, boolean delivered) {
        deliveries.set(delivery - 1, delivered ? State.DELIVERED : State.FAILED);
    }

    synchronized void dropped() {
        dropState = State.DROPPED;
    }

    synchronized void skipped() {
        dropState = State.SKIPPED;
    }

    /** The overall state: delivered if any delivery got through, failed if all gave up, else pending. */
    synchronized State state() {
        if (dropState != null) {
            return dropState;
        }
        if (deliveries.contains(State.DELIVERED)) {
            return State.DELIVERED;
        }
        return deliveries.isEmpty() || deliveries.contains(State.PENDING) ? State.PENDING : State.FAILED;
    }

    public synchronized View view() {
        return new View(url, state(), faults, List.copyOf(deliveries), List.copyOf(attempts));
    }

    /**
     * One HTTP attempt.
     *
     * @param delivery which delivery (1, or 2 for a duplicate)
     * @param attempt which attempt of that delivery, from 1
     * @param at when it started
     * @param statusCode the receiver's HTTP status, or null when the call failed
     * @param error why the call failed, or null
     * @param durationMs how long it took
     * @param kid the key that signed it
     */
    public record Attempt(
            @JsonProperty("delivery") int delivery,
            @JsonProperty("attempt") int attempt,
            @JsonProperty("at") Instant at,
            @JsonProperty("status_code") Integer statusCode,
            @JsonProperty("error") String error,
            @JsonProperty("duration_ms") long durationMs,
            @JsonProperty("kid") String kid) {}

    /**
     * A copy of the record for the admin API.
     *
     * @param url the webhook URL
     * @param state the overall state
     * @param faults the faults decided for it
     * @param deliveries the state of each delivery
     * @param attempts every attempt so far, in order
     */
    public record View(
            @JsonProperty("url") String url,
            @JsonProperty("state") State state,
            @JsonProperty("faults") WebhookFaults faults,
            @JsonProperty("deliveries") List<State> deliveries,
            @JsonProperty("attempts") List<Attempt> attempts) {}
}
