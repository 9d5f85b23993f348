package dev.darkroom.falclient.queue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How to submit, beyond the input itself.
 *
 * @param webhookUrl where fal POSTs the outcome, sent as {@code ?fal_webhook=}; null for none
 * @param priority {@code X-Fal-Queue-Priority}; null leaves fal's default (normal)
 * @param startTimeout {@code X-Fal-Request-Timeout}: how long the request may wait to start (queue wait, runner
 *     acquisition and fal's own retries) before fal gives up with a 504; at least 1 s, as fal's own clients
 *     require; null for no deadline
 * @param maxQueueLength {@code ?fal_max_queue_length=}: fal refuses with 429 when its queue is longer; null for no
 *     limit
 * @param headers further {@code X-Fal-*} headers, e.g. {@code X-Fal-No-Retry}; cannot replace the client's own
 */
public record SubmitOptions(
        String webhookUrl,
        Priority priority,
        Duration startTimeout,
        Integer maxQueueLength,
        Map<String, String> headers) {

    /** Headers the client sets itself (or the JDK forbids). */
    private static final Set<String> RESERVED = Set.of(
            "authorization",
            "accept",
            "content-type",
            "user-agent",
            "host",
            "content-length",
            "connection",
            "expect",
            "upgrade",
            "x-fal-queue-priority",
            "x-fal-request-timeout");

    /** fal-js and the Python client refuse shorter start timeouts ({@code MIN_REQUEST_TIMEOUT_SECONDS = 1}). */
    public static final Duration MIN_START_TIMEOUT = Duration.ofSeconds(1);

    /** No webhook, no priority, no deadline. */
    public static final SubmitOptions NONE = new SubmitOptions(null, null, null, null, Map.of());

    public SubmitOptions {
        if (webhookUrl != null) {
            URI uri = URI.create(webhookUrl);
            if (!uri.isAbsolute()
                    || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                throw new IllegalArgumentException("webhook URL must be an absolute http(s) URL");
            }
        }
        if (startTimeout != null && startTimeout.compareTo(MIN_START_TIMEOUT) < 0) {
            throw new IllegalArgumentException("a start timeout must be at least 1 s, as fal's clients require");
        }
        if (maxQueueLength != null && maxQueueLength < 0) {
            throw new IllegalArgumentException("maxQueueLength must not be negative");
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        for (String name : headers.keySet()) {
            if (name.isBlank() || RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header cannot be set as an extra header: " + name);
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The headers to send: priority and start timeout in fal's format, then the extras. */
    public Map<String, String> requestHeaders() {
        Map<String, String> all = new LinkedHashMap<>();
        if (priority != null) {
            all.put("X-Fal-Queue-Priority", priority.header());
        }
        if (startTimeout != null) {
            all.put(
                    "X-Fal-Request-Timeout",
                    BigDecimal.valueOf(startTimeout.toMillis(), 3)
                            .stripTrailingZeros()
                            .toPlainString());
        }
        all.putAll(headers);
        return all;
    }

    /** Builds {@link SubmitOptions}. */
    public static final class Builder {
        private String webhookUrl;
        private Priority priority;
        private Duration startTimeout;
        private Integer maxQueueLength;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder() {}

        public Builder webhookUrl(String url) {
            this.webhookUrl = url;
            return this;
        }

        public Builder priority(Priority value) {
            this.priority = value;
            return this;
        }

        public Builder startTimeout(Duration value) {
            this.startTimeout = value;
            return this;
        }

        public Builder maxQueueLength(Integer value) {
            this.maxQueueLength = value;
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public SubmitOptions build() {
            return new SubmitOptions(webhookUrl, priority, startTimeout, maxQueueLength, headers);
        }
    }
}
