package dev.darkroom.falclient;

import dev.darkroom.falclient.http.RetrySettings;
import dev.darkroom.falclient.http.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the client and the webhook verifier need to know. Defaults point at the real fal; {@link
 * Builder#simulator(String)} points every URL at fal-sim.
 *
 * @param queueBaseUrl fal's queue host; may carry a path prefix, which is kept
 * @param restBaseUrl fal's REST host (storage uploads)
 * @param cdnBaseUrl fal's CDN host; not called by the client, exposed for callers that must recognise fal file URLs
 * @param jwksUrl where fal publishes the Ed25519 keys that sign webhooks
 * @param apiBaseUrl fal's platform API host ({@code https://api.fal.ai}: model pricing)
 * @param apiKey {@code FAL_KEY} ({@code key_id:key_secret}); needed for calls, not for webhook verification; never
 *     logged and masked in {@link #toString()}
 * @param connectTimeout the limit on establishing a connection
 * @param requestTimeout the limit on one HTTP exchange, body included (also bounds an upload's PUT)
 * @param retry attempts and backoff for retryable failures
 * @param jwksCacheTtl how long fetched webhook keys are trusted before they are fetched again; at most 24 h
 * @param jwksMinRefreshInterval the least time between two JWKS fetches, so forged webhooks cannot hammer fal
 * @param webhookTimestampTolerance how far a webhook's timestamp may be from now, either way
 * @param clock the time source (webhook timestamps, JWKS expiry, {@code Retry-After} dates)
 * @param sleeper how the client waits between retries
 */
public record FalClientConfig(
        URI queueBaseUrl,
        URI restBaseUrl,
        URI cdnBaseUrl,
        URI jwksUrl,
        URI apiBaseUrl,
        String apiKey,
        Duration connectTimeout,
        Duration requestTimeout,
        RetrySettings retry,
        Duration jwksCacheTtl,
        Duration jwksMinRefreshInterval,
        Duration webhookTimestampTolerance,
        Clock clock,
        Sleeper sleeper) {

    public static final String FAL_QUEUE = "https://queue.fal.run";
    public static final String FAL_REST = "https://rest.fal.ai";
    public static final String FAL_CDN = "https://v3.fal.media";
    public static final String FAL_JWKS = "https://rest.fal.ai/.well-known/jwks.json";
    public static final String FAL_API = "https://api.fal.ai";

    public FalClientConfig {
        baseUrl(queueBaseUrl, "queueBaseUrl");
        baseUrl(restBaseUrl, "restBaseUrl");
        baseUrl(cdnBaseUrl, "cdnBaseUrl");
        baseUrl(jwksUrl, "jwksUrl");
        baseUrl(apiBaseUrl, "apiBaseUrl");
        positive(connectTimeout, "connectTimeout");
        positive(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
        positive(jwksCacheTtl, "jwksCacheTtl");
        if (jwksCacheTtl.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("fal asks not to cache its JWKS for more than 24 h");
        }
        Objects.requireNonNull(jwksMinRefreshInterval, "jwksMinRefreshInterval");
        if (jwksMinRefreshInterval.isNegative()) {
            throw new IllegalArgumentException("jwksMinRefreshInterval must not be negative");
        }
        positive(webhookTimestampTolerance, "webhookTimestampTolerance");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        if (apiKey != null && apiKey.isBlank()) {
            apiKey = null;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .queueBaseUrl(queueBaseUrl.toString())
                .restBaseUrl(restBaseUrl.toString())
                .cdnBaseUrl(cdnBaseUrl.toString())
                .jwksUrl(jwksUrl.toString())
                .apiBaseUrl(apiBaseUrl.toString())
                .apiKey(apiKey)
                .connectTimeout(connectTimeout)
                .requestTimeout(requestTimeout)
                .retry(retry)
                .jwksCacheTtl(jwksCacheTtl)
                .jwksMinRefreshInterval(jwksMinRefreshInterval)
                .webhookTimestampTolerance(webhookTimestampTolerance)
                .clock(clock)
                .sleeper(sleeper);
    }

    @Override
    public String toString() {
        return "FalClientConfig[queueBaseUrl=" + queueBaseUrl + ", restBaseUrl=" + restBaseUrl + ", cdnBaseUrl="
                + cdnBaseUrl + ", jwksUrl=" + jwksUrl + ", apiBaseUrl=" + apiBaseUrl + ", apiKey="
                + (apiKey == null ? "<none>" : "****")
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", retry=" + retry
                + ", jwksCacheTtl=" + jwksCacheTtl + ", jwksMinRefreshInterval=" + jwksMinRefreshInterval
                + ", webhookTimestampTolerance=" + webhookTimestampTolerance + "]";
    }

    private static void baseUrl(URI url, String name) {
        Objects.requireNonNull(url, name);
        if (!url.isAbsolute() || url.getHost() == null || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException(name + " must be an absolute http(s) URL without query: " + url);
        }
        if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException(name + " must be http or https: " + url);
        }
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** Builds a {@link FalClientConfig}; every setting has a default. */
    public static final class Builder {
        private String queueBaseUrl = FAL_QUEUE;
        private String restBaseUrl = FAL_REST;
        private String cdnBaseUrl = FAL_CDN;
        private String jwksUrl = FAL_JWKS;
        private String apiBaseUrl = FAL_API;
        private String apiKey;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private RetrySettings retry = RetrySettings.DEFAULTS;
        private Duration jwksCacheTtl = Duration.ofHours(1);
        private Duration jwksMinRefreshInterval = Duration.ofSeconds(30);
        private Duration webhookTimestampTolerance = Duration.ofMinutes(5);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;

        private Builder() {}

        /**
         * All five URLs at fal-sim, which serves fal's hosts under path prefixes on one port: {@code /queue}, {@code
         * /rest}, {@code /cdn}, {@code /rest/.well-known/jwks.json} and {@code /api}.
         */
        public Builder simulator(String simBaseUrl) {
            String base = simBaseUrl.replaceAll("/+$", "");
            return queueBaseUrl(base + "/queue")
                    .restBaseUrl(base + "/rest")
                    .cdnBaseUrl(base + "/cdn")
                    .jwksUrl(base + "/rest/.well-known/jwks.json")
                    .apiBaseUrl(base + "/api");
        }

        public Builder apiBaseUrl(String value) {
            this.apiBaseUrl = value;
            return this;
        }

        public Builder queueBaseUrl(String value) {
            this.queueBaseUrl = value;
            return this;
        }

        public Builder restBaseUrl(String value) {
            this.restBaseUrl = value;
            return this;
        }

        public Builder cdnBaseUrl(String value) {
            this.cdnBaseUrl = value;
            return this;
        }

        public Builder jwksUrl(String value) {
            this.jwksUrl = value;
            return this;
        }

        public Builder apiKey(String value) {
            this.apiKey = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder requestTimeout(Duration value) {
            this.requestTimeout = value;
            return this;
        }

        public Builder retry(RetrySettings value) {
            this.retry = value;
            return this;
        }

        public Builder jwksCacheTtl(Duration value) {
            this.jwksCacheTtl = value;
            return this;
        }

        public Builder jwksMinRefreshInterval(Duration value) {
            this.jwksMinRefreshInterval = value;
            return this;
        }

        public Builder webhookTimestampTolerance(Duration value) {
            this.webhookTimestampTolerance = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder sleeper(Sleeper value) {
            this.sleeper = value;
            return this;
        }

        public FalClientConfig build() {
            return new FalClientConfig(
                    uri(queueBaseUrl, "queueBaseUrl"),
                    uri(restBaseUrl, "restBaseUrl"),
                    uri(cdnBaseUrl, "cdnBaseUrl"),
                    uri(jwksUrl, "jwksUrl"),
                    uri(apiBaseUrl, "apiBaseUrl"),
                    apiKey,
                    connectTimeout,
                    requestTimeout,
                    retry,
                    jwksCacheTtl,
                    jwksMinRefreshInterval,
                    webhookTimestampTolerance,
                    clock,
                    sleeper);
        }

        private static URI uri(String value, String name) {
            Objects.requireNonNull(value, name);
            return URI.create(value.trim());
        }
    }
}
