package dev.darkroom.worker.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkroom.contracts.webhooks.WebhookTokens;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookUrlsTest {

    private static final URI SIM = URI.create("http://127.0.0.1:8090/queue");
    private static final URI FAL = URI.create("https://queue.fal.run");
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration LIFETIME = Duration.ofHours(3);

    @Test
    void aJobsWebhookUrlCarriesATokenTheReceiverAccepts() {
        UUID jobId = UUID.randomUUID();
        WebhookUrls urls =
                new WebhookUrls(new WebhookProperties("https://hooks.example.com/", "s3cret", LIFETIME), FAL, CLOCK);

        URI url = URI.create(urls.forJob(jobId));

        assertThat(url.getScheme() + "://" + url.getHost() + url.getPath())
                .isEqualTo("https://hooks.example.com/fal/webhooks/" + jobId);
        String token = url.getQuery().substring("token=".length());
        assertThat(new WebhookTokens("s3cret").valid(jobId, token, NOW)).isTrue();
        assertThat(new WebhookTokens("other").valid(jobId, token, NOW)).isFalse();
        assertThat(new WebhookTokens("s3cret").valid(UUID.randomUUID(), token, NOW))
                .isFalse();
    }

    @Test
    void aJobsWebhookTokenExpiresAfterTheConfiguredLifetime() {
        UUID jobId = UUID.randomUUID();
        WebhookUrls urls =
                new WebhookUrls(new WebhookProperties("https://hooks.example.com/", "s3cret", LIFETIME), FAL, CLOCK);
        String token = URI.create(urls.forJob(jobId)).getQuery().substring("token=".length());
        WebhookTokens tokens = new WebhookTokens("s3cret");

        assertThat(tokens.valid(jobId, token, NOW.plus(LIFETIME))).isTrue();
        assertThat(tokens.valid(jobId, token, NOW.plus(LIFETIME).plusSeconds(1)))
                .isFalse();
        // a later expiry written into the token breaks its mac
        String extended = (NOW.plus(LIFETIME).getEpochSecond() + 3600) + token.substring(token.indexOf('.'));
        assertThat(tokens.valid(jobId, extended, NOW.plus(LIFETIME).plusSeconds(1)))
                .isFalse();
    }

    @Test
    void aWorkerWithoutATokenSecretDoesNotStart() {
        assertThatThrownBy(() ->
                        new WebhookUrls(new WebhookProperties("http://127.0.0.1:8084", " ", LIFETIME), SIM, CLOCK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DARKROOM_WEBHOOK_TOKEN_SECRET");
    }

    @Test
    void theDevelopmentSecretWorksWithTheSimulatorButNeverWithFal() {
        WebhookProperties dev =
                new WebhookProperties("http://127.0.0.1:8084", "dev-only-webhook-token-secret", LIFETIME);

        assertThat(new WebhookUrls(dev, SIM, CLOCK).forJob(UUID.randomUUID())).contains("?token=");
        assertThatThrownBy(() -> new WebhookUrls(dev, FAL, CLOCK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("development webhook token secret");
        assertThatThrownBy(() -> new WebhookUrls(dev, URI.create("https://queue.falrun.com"), CLOCK))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRelativePublicUrlIsRefused() {
        assertThatThrownBy(() -> new WebhookUrls(new WebhookProperties("/fal", "s3cret", LIFETIME), SIM, CLOCK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("public-url");
    }

    @Test
    void theSecretStaysOutOfTheProperties() {
        assertThat(new WebhookProperties("http://x", "s3cret", LIFETIME).toString())
                .doesNotContain("s3cret");
    }
}
