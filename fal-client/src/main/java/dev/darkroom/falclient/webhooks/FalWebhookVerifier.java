package dev.darkroom.falclient.webhooks;

import dev.darkroom.falclient.FalClientConfig;
import dev.darkroom.falclient.webhooks.WebhookVerificationException.Reason;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Verifies fal's webhooks (docs/fal-protocol.md#webhook-signatures): the Ed25519 signature in {@code
 * X-Fal-Webhook-Signature} must verify, under any key of fal's JWKS, the UTF-8 message {@code
 * request_id\nuser_id\ntimestamp\nhex(sha256(raw body))}, and the timestamp must lie within the tolerance of now. When
 * no cached key verifies, the JWKS is fetched again (at most once per configured interval), so a key rotation is picked
 * up without a restart. Thread-safe; one instance per application.
 */
public final class FalWebhookVerifier {

    private final JwksKeys keys;
    private final Clock clock;
    private final Duration tolerance;

    public FalWebhookVerifier(FalClientConfig config) {
        this(
                config,
                HttpClient.newBuilder()
                        .connectTimeout(config.connectTimeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build());
    }

    public FalWebhookVerifier(FalClientConfig config, HttpClient httpClient) {
        this.clock = config.clock();
        this.tolerance = config.webhookTimestampTolerance();
        this.keys = new JwksKeys(
                httpClient,
                config.jwksUrl(),
                config.requestTimeout(),
                config.jwksCacheTtl(),
                config.jwksMinRefreshInterval(),
                clock);
    }

    /**
     * Verifies a webhook given its headers as a map (names matched case-insensitively) and its raw body bytes, exactly
     * as received (a re-serialised body will not verify).
     */
    public VerifiedWebhook verify(Map<String, List<String>> headers, byte[] rawBody) {
        Map<String, List<String>> insensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        insensitive.putAll(headers);
        return verify(
                name -> {
                    List<String> values = insensitive.get(name);
                    return values == null || values.isEmpty() ? null : values.get(0);
                },
                rawBody);
    }

    /** Verifies a webhook given a header lookup (first value by name, null when absent) and its raw body. */
    public VerifiedWebhook verify(Function<String, String> header, byte[] rawBody) {
        return verify(
                header.apply(WebhookHeaders.REQUEST_ID),
                header.apply(WebhookHeaders.USER_ID),
                header.apply(WebhookHeaders.TIMESTAMP),
                header.apply(WebhookHeaders.SIGNATURE),
                rawBody);
    }

    /** Verifies a webhook given the four header values and its raw body. */
    public VerifiedWebhook verify(
            String requestId, String userId, String timestamp, String signatureHex, byte[] rawBody) {
        require(requestId, WebhookHeaders.REQUEST_ID);
        require(userId, WebhookHeaders.USER_ID);
        require(timestamp, WebhookHeaders.TIMESTAMP);
        require(signatureHex, WebhookHeaders.SIGNATURE);
        Instant signedAt = signedAt(timestamp.strip());
        byte[] signature = signature(signatureHex.strip());

        // the cheap check first: a replayed or stale webhook never costs a signature check or a JWKS fetch
        Duration age = Duration.between(signedAt, clock.instant()).abs();
        if (age.compareTo(tolerance) > 0) {
            throw new WebhookVerificationException(
                    Reason.STALE_TIMESTAMP, "signed " + age.toSeconds() + " s from now, tolerance " + tolerance);
        }

        byte[] message = String.join("\n", requestId, userId, timestamp.strip(), sha256Hex(rawBody))
                .getBytes(StandardCharsets.UTF_8);
        List<PublicKey> known = keys.current();
        if (anyVerifies(known, message, signature)) {
            return new VerifiedWebhook(requestId, userId, signedAt);
        }
        List<PublicKey> refreshed = keys.refreshed();
        if (refreshed != null && anyVerifies(refreshed, message, signature)) {
            return new VerifiedWebhook(requestId, userId, signedAt);
        }
        List<PublicKey> latest = refreshed != null ? refreshed : known;
        if (latest.isEmpty()) {
            throw new WebhookVerificationException(Reason.NO_KEYS, "fal's JWKS holds no Ed25519 key");
        }
        throw new WebhookVerificationException(
                Reason.BAD_SIGNATURE, "no key of fal's JWKS verifies the signature of request " + requestId);
    }

    private static boolean anyVerifies(List<PublicKey> candidates, byte[] message, byte[] signature) {
        for (PublicKey key : candidates) {
            if (Ed25519Keys.verifies(key, message, signature)) {
                return true;
            }
        }
        return false;
    }

    private static void require(String value, String header) {
        if (value == null || value.isBlank()) {
            throw new WebhookVerificationException(Reason.MISSING_HEADER, header + " is missing");
        }
    }

    private static Instant signedAt(String timestamp) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(timestamp));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new WebhookVerificationException(
                    Reason.MALFORMED_HEADER, WebhookHeaders.TIMESTAMP + " is not Unix seconds", e);
        }
    }

    private static byte[] signature(String hex) {
        try {
            byte[] signature = HexFormat.of().parseHex(hex);
            if (signature.length == 64) {
                return signature;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the same refusal as a wrong length
        }
        throw new WebhookVerificationException(
                Reason.MALFORMED_HEADER, WebhookHeaders.SIGNATURE + " is not a hex-encoded 64-byte signature");
    }

    private static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
