package dev.darkroom.falsim.faults;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;

/**
 * The faults decided for one request when it was submitted.
 *
 * @param modelError the error type it completes with instead of outputs, or null
 * @param stuck whether it never leaves IN_QUEUE
 * @param slow its model time when a {@code [sim:slow=...]} token set one, else null
 * @param webhook what happens to its webhook
 * @param submitDelay how long the submit answer is held back after the request was queued, or null: the window in
 *     which a client that dies has enqueued work it never heard about
 * @param falRetries how many runners fail (503) before one serves it; fal retries them on its side unless
 *     {@code X-Fal-No-Retry}, and the last attempt's id becomes the {@code gateway_request_id}
 * @param nsfwImages indices of the images its safety checker flags (black image, {@code has_nsfw_concepts[i]})
 */
public record RequestFaults(
        @JsonProperty("model_error") String modelError,
        @JsonProperty("stuck") boolean stuck,
        @JsonProperty("slow") Duration slow,
        @JsonProperty("webhook") WebhookFaults webhook,
        @JsonProperty("submit_delay") Duration submitDelay,
        @JsonProperty("fal_retries") int falRetries,
        @JsonProperty("nsfw_images") List<Integer> nsfwImages) {

    public RequestFaults {
        nsfwImages = nsfwImages == null ? List.of() : List.copyOf(nsfwImages);
    }
}
