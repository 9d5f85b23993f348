package dev.darkroom.worker.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkroom.contracts.webhooks.WebhookTokens;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookUrlsTest {

    private static final URI SIM = URI.create("http://127.0.0.1:8090/queue");
    private static final URI FAL = URI.create("https://queue.fal.run");

    @Test
    void aJobsWebhookUrlCarriesATokenTheReceiverAccepts() {
        UUID jobId = UUID.randomUUID();
        WebhookUrls urls = new WebhookUrls(new WebhookProperties("https://hooks.example.com/", "s3cret"), FAL);

        URI url = URI.create(urls.forJob(jobId));

        assertThat(url.getScheme() + "://" + url.getHost() + url.getPath())
                .isEqualTo("https://hooks.example.com/fal/webhooks/" + jobId);
        String token = url.getQuery().substring("token=".length());
        assertThat(new WebhookTokens("s3cret").valid(jobId, token)).isTrue();
        assertThat(new WebhookTokens("other").valid(jobId, token)).isFalse();
        assertThat(new WebhookTokens("s3cret").valid(UUID.randomUUID(), token)).isFalse();
    }

    @Test
    void aWorkerWithoutATokenSecretDoesNotStart() {
        assertThatThrownBy(() -> new WebhookUrls(new WebhookProperties("http://127.0.0.1:8084", " "), SIM))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DARKROOM_WEBHOOK_TOKEN_SECRET");
    }

    @Test
    void theDevelopmentSecretWorksWithTheSimulatorButNeverWithFal() {
        WebhookProperties dev = new WebhookProperties("http://127.0.0.1:8084", "dev-only-webhook-token-secret");

        assertThat(new WebhookUrls(dev, SIM).forJob(UUID.randomUUID())).contains("?token=");
        assertThatThrownBy(() -> new WebhookUrls(dev, FAL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("development webhook token secret");
        assertThatThrownBy(() -> new WebhookUrls(dev, URI.create("https://queue.falrun.com")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRelativePublicUrlIsRefused() {
        assertThatThrownBy(() -> new WebhookUrls(new WebhookProperties("/fal", "s3cret"), SIM))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("public-url");
    }

    @Test
    void theSecretStaysOutOfTheProperties() {
        assertThat(new WebhookProperties("http://x", "s3cret").toString()).doesNotContain("s3cret");
    }
}
