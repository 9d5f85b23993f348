package dev.darkroom.falsim.faults;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * The faults decided for one request when it was submitted.
 *
 * @param modelError the error type it completes with instead of outputs, or null
 * @param stuck whether it never leaves IN_QUEUE
 * @param slow its model time when a {@code [sim:slow=...]} token set one, else null
 * @param webhook what happens to its webhook
 * @param submitDelay how long the submit answer is held back after the request was queued, or null: the window in
 *     which a client that dies has enqueued work it never heard about
 */
public record RequestFaults(
        @JsonProperty("model_error") String modelError,
        @JsonProperty("stuck") boolean stuck,
        @JsonProperty("slow") Duration slow,
        @JsonProperty("webhook") WebhookFaults webhook,
        @JsonProperty("submit_delay") Duration submitDelay) {}
