package dev.darkroom.orchestrator.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookPosterTest {

    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertThat(WebhookPoster.retryAfter("120", NOW)).isEqualTo(Duration.ofMinutes(2));
        assertThat(WebhookPoster.retryAfter("Wed, 02 Dec 2026 12:00:30 GMT", NOW))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(WebhookPoster.retryAfter("Wed, 02 Dec 2026 11:00:00 GMT", NOW))
                .isEqualTo(Duration.ZERO);
        assertThat(WebhookPoster.retryAfter("soon", NOW)).isNull();
        assertThat(WebhookPoster.retryAfter(null, NOW)).isNull();
    }
}
