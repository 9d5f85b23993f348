package dev.darkroom.falsim.faults;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * What happens to one request's webhook.
 *
 * @param drop never delivered
 * @param duplicate delivered twice
 * @param delay held back this long before the first attempt, or null
 * @param reorder held until the next webhook has gone out
 * @param payloadError sent with {@code payload: null} and a {@code payload_error}, as fal does when it cannot
 *     serialise the result: the receiver must fetch the result from the queue
 */
public record WebhookFaults(
        @JsonProperty("drop") boolean drop,
        @JsonProperty("duplicate") boolean duplicate,
        @JsonProperty("delay") Duration delay,
        @JsonProperty("reorder") boolean reorder,
        @JsonProperty("payload_error") boolean payloadError) {}
