package dev.darkroom.falclient.webhooks;

import dev.darkroom.falclient.http.FalHttp;
import dev.darkroom.falclient.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * fal's webhook keys, fetched from the JWKS URL and cached. At most one fetch runs at a time (concurrent callers
 * share it), and fetches are at least {@code minInterval} apart, so a flood of forged webhooks, each of which asks
 * for fresh keys, costs fal one request per interval. Thread-safe without locks.
 */
final class JwksKeys {

    private static final Logger log = LoggerFactory.getLogger(JwksKeys.class);

    private final HttpClient http;
    private final URI jwksUrl;
    private final Duration timeout;
    private final Duration ttl;
    private final Duration minInterval;
    private final Clock clock;

    private final AtomicReference<KeySet> cached = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<KeySet>> inFlight = new AtomicReference<>();
    /** Written only by the thread that holds {@link #inFlight}. */
    private volatile Instant lastAttempt;

    JwksKeys(HttpClient http, URI jwksUrl, Duration timeout, Duration ttl, Duration minInterval, Clock clock) {
        this.http = http;
        this.jwksUrl = jwksUrl;
        this.timeout = timeout;
        this.ttl = ttl;
        this.minInterval = minInterval;
        this.clock = clock;
    }

    /**
     * The keys to verify with: the cached ones while fresh, otherwise freshly fetched. When a fetch fails, expired
     * keys are still used (fal rotates rarely; refusing every webhook while its JWKS host hiccups would be worse).
     */
    List<PublicKey> current() {
        KeySet known = cached.get();
        if (known != null && clock.instant().isBefore(known.fetchedAt().plus(ttl))) {
            return known.keys();
        }
        try {
            KeySet fetched = fetchShared();
            if (fetched != null) {
                return fetched.keys();
            }
        } catch (JwksUnavailable e) {
            if (known == null) {
                throw new WebhookVerificationException(
                        WebhookVerificationException.Reason.KEYS_UNAVAILABLE, e.getMessage(), e);
            }
            log.warn("could not refresh fal's webhook keys, still using the expired ones: {}", e.getMessage());
        }
        KeySet latest = cached.get();
        if (latest == null) {
            throw new WebhookVerificationException(
                    WebhookVerificationException.Reason.KEYS_UNAVAILABLE,
                    "no keys fetched yet, and the last attempt was less than " + minInterval + " ago");
        }
        return latest.keys();
    }

    /** Fetches again after no cached key verified, unless the last fetch was too recent; null then. */
    List<PublicKey> refreshed() {
        try {
            KeySet fetched = fetchShared();
            return fetched == null ? null : fetched.keys();
        } catch (JwksUnavailable e) {
            log.warn("could not refresh fal's webhook keys: {}", e.getMessage());
            return null;
        }
    }

    /** Joins a running fetch, or runs one when the interval allows; null when it does not. */
    private KeySet fetchShared() {
        while (true) {
            CompletableFuture<KeySet> running = inFlight.get();
            if (running != null) {
                return await(running);
            }
            CompletableFuture<KeySet> mine = new CompletableFuture<>();
            if (!inFlight.compareAndSet(null, mine)) {
                continue;
            }
            try {
                Instant now = clock.instant();
                Instant last = lastAttempt;
                if (last != null && now.isBefore(last.plus(minInterval))) {
                    mine.complete(null);
                    return null;
                }
                lastAttempt = now;
                KeySet fetched = new KeySet(fetch(), now);
                cached.set(fetched);
                mine.complete(fetched);
                return fetched;
            } catch (Throwable e) {
                // waiters block on this future: it must complete whatever went wrong
                mine.completeExceptionally(e);
                throw e;
            } finally {
                inFlight.set(null);
            }
        }
    }

    private static KeySet await(CompletableFuture<KeySet> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private List<PublicKey> fetch() {
        HttpRequest request = HttpRequest.newBuilder(jwksUrl)
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", FalHttp.USER_AGENT)
                .GET()
                .build();
        try {
            var response = http.send(request, BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new JwksUnavailable("GET " + jwksUrl + " answered " + response.statusCode(), null);
            }
            JsonNode body = Json.parseOrNull(response.body());
            if (body == null || !body.path("keys").isArray()) {
                throw new JwksUnavailable("GET " + jwksUrl + " did not return a JWKS", null);
            }
            List<PublicKey> keys = parse(body.path("keys"));
            log.info("fetched {} webhook key(s) from {}", keys.size(), jwksUrl);
            return keys;
        } catch (IOException e) {
            throw new JwksUnavailable("GET " + jwksUrl + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JwksUnavailable("interrupted while fetching " + jwksUrl, e);
        }
    }

    /** The usable Ed25519 signing keys of a JWKS; anything else (other curves, broken entries) is skipped. */
    static List<PublicKey> parse(JsonNode keys) {
        List<PublicKey> usable = new ArrayList<>();
        for (JsonNode jwk : keys) {
            String kty = Json.text(jwk, "kty");
            String crv = Json.text(jwk, "crv");
            String use = Json.text(jwk, "use");
            String x = Json.text(jwk, "x");
            if (!"OKP".equalsIgnoreCase(kty)
                    || !"Ed25519".equalsIgnoreCase(crv)
                    || x == null
                    || (use != null && !"sig".equals(use.toLowerCase(Locale.ROOT)))) {
                continue;
            }
            try {
                usable.add(Ed25519Keys.fromJwkX(x));
            } catch (IllegalArgumentException e) {
                log.warn(
                        "skipping an unreadable key in fal's JWKS (kid {}): {}", Json.text(jwk, "kid"), e.getMessage());
            }
        }
        return List.copyOf(usable);
    }

    private record KeySet(List<PublicKey> keys, Instant fetchedAt) {}

    /** The JWKS could not be fetched or read. */
    private static final class JwksUnavailable extends RuntimeException {
        JwksUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
