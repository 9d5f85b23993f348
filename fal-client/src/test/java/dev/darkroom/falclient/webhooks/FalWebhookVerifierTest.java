package dev.darkroom.falclient.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkroom.falclient.FalClientConfig;
import dev.darkroom.falclient.support.StubServer;
import dev.darkroom.falclient.support.StubServer.Reply;
import dev.darkroom.falclient.support.WebhookSigner;
import dev.darkroom.falclient.webhooks.WebhookVerificationException.Reason;
import dev.darkroom.testsupport.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Webhook verification against a JWKS this test controls, on a clock it moves. */
class FalWebhookVerifierTest {

    static final byte[] BODY =
            "{\"request_id\":\"req-1\",\"status\":\"OK\",\"payload\":{\"images\":[]}}".getBytes(StandardCharsets.UTF_8);

    final WebhookSigner fal = new WebhookSigner();
    final AtomicReference<String> published = new AtomicReference<>(WebhookSigner.jwks(fal.jwk()));
    final StubServer jwksHost = new StubServer().otherwise(r -> Reply.json(200, published.get()));
    final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-05-01T10:00:00Z"));
    final FalWebhookVerifier verifier = new FalWebhookVerifier(config().build());

    @AfterEach
    void stop() {
        jwksHost.close();
    }

    @Test
    void aWebhookSignedByFalsKeyPasses() {
        VerifiedWebhook verified = verifier.verify(multi(fal.headers("req-1", "user-7", clock.instant(), BODY)), BODY);

        assertThat(verified).isEqualTo(new VerifiedWebhook("req-1", "user-7", clock.instant()));
    }

    @Test
    void headerNamesAreMatchedWhateverTheirCase() {
        Map<String, List<String>> lower = new HashMap<>();
        fal.headers("req-1", "user-7", clock.instant(), BODY).forEach((k, v) -> lower.put(k.toLowerCase(), List.of(v)));

        assertThat(verifier.verify(lower, BODY).requestId()).isEqualTo("req-1");
    }

    @Test
    void aWebhookSignedByAKeyTheJwksDoesNotHoldIsRefused() {
        WebhookSigner forger = new WebhookSigner();

        assertRefused(forger.headers("req-1", "user-7", clock.instant(), BODY), BODY, Reason.BAD_SIGNATURE);
    }

    @Test
    void changingOneByteOfTheBodyIsRefused() {
        Map<String, String> headers = fal.headers("req-1", "user-7", clock.instant(), BODY);
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 3] ^= 1;

        assertRefused(headers, tampered, Reason.BAD_SIGNATURE);
    }

    @Test
    void aSignedHeaderChangedAfterSigningIsRefused() {
        Map<String, String> headers = new HashMap<>(fal.headers("req-1", "user-7", clock.instant(), BODY));
        headers.put("X-Fal-Webhook-Request-Id", "req-2");

        assertRefused(headers, BODY, Reason.BAD_SIGNATURE);
    }

    @Test
    void aTimestampSixMinutesOldIsRefusedWithoutTouchingTheJwks() {
        Map<String, String> headers =
                fal.headers("req-1", "user-7", clock.instant().minusSeconds(360), BODY);

        assertRefused(headers, BODY, Reason.STALE_TIMESTAMP);
        assertThat(jwksHost.requests()).isEmpty();
    }

    @Test
    void timestampsWithinTheToleranceEitherWayPassAndBeyondItFail() {
        assertThat(verifier.verify(multi(fal.headers("r", "u", clock.instant().minusSeconds(300), BODY)), BODY))
                .isNotNull();
        assertThat(verifier.verify(multi(fal.headers("r", "u", clock.instant().plusSeconds(300), BODY)), BODY))
                .isNotNull();
        assertRefused(fal.headers("r", "u", clock.instant().plusSeconds(301), BODY), BODY, Reason.STALE_TIMESTAMP);
    }

    @Test
    void missingAndMalformedHeadersAreRefusedByName() {
        Map<String, String> valid = fal.headers("req-1", "user-7", clock.instant(), BODY);
        Map<String, String> noSignature = new HashMap<>(valid);
        noSignature.remove("X-Fal-Webhook-Signature");
        Map<String, String> badTimestamp = new HashMap<>(valid);
        badTimestamp.put("X-Fal-Webhook-Timestamp", "2026-05-01T10:00:00Z");
        Map<String, String> shortSignature = new HashMap<>(valid);
        shortSignature.put("X-Fal-Webhook-Signature", "abcd");
        Map<String, String> notHex = new HashMap<>(valid);
        notHex.put("X-Fal-Webhook-Signature", "z".repeat(128));

        assertThatThrownBy(() -> verifier.verify(multi(noSignature), BODY))
                .hasMessageContaining("X-Fal-Webhook-Signature");
        assertRefused(noSignature, BODY, Reason.MISSING_HEADER);
        assertRefused(badTimestamp, BODY, Reason.MALFORMED_HEADER);
        assertRefused(shortSignature, BODY, Reason.MALFORMED_HEADER);
        assertRefused(notHex, BODY, Reason.MALFORMED_HEADER);
    }

    @Test
    void aRotatedKeyIsPickedUpWithoutARestart() {
        verifier.verify(multi(fal.headers("req-1", "u", clock.instant(), BODY)), BODY);
        WebhookSigner rotated = new WebhookSigner();
        published.set(WebhookSigner.jwks(rotated.jwk()));
        clock.advance(Duration.ofSeconds(31));

        VerifiedWebhook verified = verifier.verify(multi(rotated.headers("req-2", "u", clock.instant(), BODY)), BODY);

        assertThat(verified.requestId()).isEqualTo("req-2");
        assertThat(jwksHost.requests()).hasSize(2);
        assertRefused(fal.headers("req-3", "u", clock.instant(), BODY), BODY, Reason.BAD_SIGNATURE);
    }

    @Test
    void everyPublishedKeyIsTried() {
        WebhookSigner next = new WebhookSigner();
        published.set(WebhookSigner.jwks(
                "{\"kty\":\"RSA\",\"n\":\"abc\",\"e\":\"AQAB\"}",
                "{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\""
                        + Base64.getUrlEncoder().encodeToString(next.rawPublicKey()) + "\"}",
                "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"not-32-bytes\"}",
                fal.jwk(),
                next.jwk()));

        assertThat(verifier.verify(multi(fal.headers("a", "u", clock.instant(), BODY)), BODY))
                .isNotNull();
        assertThat(verifier.verify(multi(next.headers("b", "u", clock.instant(), BODY)), BODY))
                .isNotNull();
    }

    @Test
    void theKeyIsDecodedWhetherPaddedUnpaddedUrlSafeOrStandard() {
        byte[] raw = fal.rawPublicKey();
        for (String x : List.of(
                Base64.getUrlEncoder().withoutPadding().encodeToString(raw),
                Base64.getUrlEncoder().encodeToString(raw),
                Base64.getEncoder().encodeToString(raw),
                Base64.getEncoder().withoutPadding().encodeToString(raw))) {
            published.set(WebhookSigner.jwks(WebhookSigner.jwk(x)));
            FalWebhookVerifier fresh = new FalWebhookVerifier(config().build());

            assertThat(fresh.verify(multi(fal.headers("r", "u", clock.instant(), BODY)), BODY))
                    .as("x = %s", x)
                    .isNotNull();
        }
    }

    @Test
    void aFloodOfForgedWebhooksFetchesTheJwksAtMostOncePerInterval() {
        WebhookSigner forger = new WebhookSigner();
        verifier.verify(multi(fal.headers("r", "u", clock.instant(), BODY)), BODY);

        for (int i = 0; i < 50; i++) {
            assertRefused(forger.headers("r" + i, "u", clock.instant(), BODY), BODY, Reason.BAD_SIGNATURE);
        }
        assertThat(jwksHost.requests()).as("only the first fetch").hasSize(1);

        clock.advance(Duration.ofSeconds(30));
        for (int i = 0; i < 50; i++) {
            assertRefused(forger.headers("r" + i, "u", clock.instant(), BODY), BODY, Reason.BAD_SIGNATURE);
        }
        assertThat(jwksHost.requests()).as("one more after the interval").hasSize(2);
    }

    @Test
    void concurrentVerificationsShareOneFetch() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<VerifiedWebhook>> tasks = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                Map<String, String> headers = fal.headers("r" + i, "u", clock.instant(), BODY);
                tasks.add(() -> verifier.verify(multi(headers), BODY));
            }
            for (Future<VerifiedWebhook> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isNotNull();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jwksHost.requests()).hasSize(1);
    }

    @Test
    void cachedKeysAreFetchedAgainAfterTheirTtl() {
        verifier.verify(multi(fal.headers("r", "u", clock.instant(), BODY)), BODY);
        clock.advance(Duration.ofMinutes(59));
        verifier.verify(multi(fal.headers("r", "u", clock.instant(), BODY)), BODY);
        assertThat(jwksHost.requests()).hasSize(1);

        clock.advance(Duration.ofMinutes(2));
        verifier.verify(multi(fal.headers("r", "u", clock.instant(), BODY)), BODY);

        assertThat(jwksHost.requests()).hasSize(2);
    }

    @Test
    void expiredKeysStayInUseWhileTheJwksHostIsDown() {
        verifier.verify(multi(fal.headers("r", "u", clock.instant(), BODY)), BODY);
        jwksHost.otherwise(r -> Reply.text(503, "text/html", "<html>down</html>"));
        clock.advance(Duration.ofHours(2));

        assertThat(verifier.verify(multi(fal.headers("r", "u", clock.instant(), BODY)), BODY))
                .isNotNull();
        assertThat(jwksHost.requests()).hasSize(2);
    }

    @Test
    void withoutAnyKeysAndTheJwksHostDownTheFailureIsTransient() {
        jwksHost.otherwise(r -> Reply.text(503, "text/html", "<html>down</html>"));

        assertRefused(fal.headers("r", "u", clock.instant(), BODY), BODY, Reason.KEYS_UNAVAILABLE);
        assertRefused(fal.headers("r", "u", clock.instant(), BODY), BODY, Reason.KEYS_UNAVAILABLE);
        assertThat(Reason.KEYS_UNAVAILABLE.isTransient()).isTrue();
        assertThat(jwksHost.requests())
                .as("the second attempt waits for the interval")
                .hasSize(1);
    }

    @Test
    void aJwksWithoutEd25519KeysMeansNoKeys() {
        published.set(WebhookSigner.jwks("{\"kty\":\"RSA\",\"n\":\"abc\",\"e\":\"AQAB\"}"));

        assertRefused(fal.headers("r", "u", clock.instant(), BODY), BODY, Reason.NO_KEYS);
    }

    private FalClientConfig.Builder config() {
        return FalClientConfig.builder()
                .jwksUrl(jwksHost.url("/rest/.well-known/jwks.json"))
                .requestTimeout(Duration.ofSeconds(5))
                .jwksCacheTtl(Duration.ofHours(1))
                .jwksMinRefreshInterval(Duration.ofSeconds(30))
                .clock(clock);
    }

    private void assertRefused(Map<String, String> headers, byte[] body, Reason reason) {
        assertThatThrownBy(() -> verifier.verify(multi(headers), body))
                .isInstanceOfSatisfying(
                        WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static Map<String, List<String>> multi(Map<String, String> headers) {
        Map<String, List<String>> multi = new HashMap<>();
        headers.forEach((k, v) -> multi.put(k, List.of(v)));
        return multi;
    }
}
