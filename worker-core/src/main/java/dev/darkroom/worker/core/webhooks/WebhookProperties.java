package dev.darkroom.worker.core.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where fal sends a job's webhook, shared with the webhook-receiver.
 *
 * @param publicUrl the webhook-receiver's base URL as fal reaches it ({@code DARKROOM_WEBHOOK_PUBLIC_URL})
 * @param tokenSecret the secret the per-job URL token is an HMAC with ({@code DARKROOM_WEBHOOK_TOKEN_SECRET}); must
 *     equal the receiver's; never logged
 * @param tokenLifetime how long a job's webhook URL is accepted after submission: the longest the job may wait and
 *     run at fal (the orchestrator's queue deadline and maximum run time) plus the time fal keeps retrying a webhook
 *     and keeps the result; later webhooks are refused, and the reconciler's polling fetches the result instead
 */
@ConfigurationProperties("darkroom.webhooks")
public record WebhookProperties(
        @DefaultValue("http://127.0.0.1:8084") String publicUrl,
        String tokenSecret,
        @DefaultValue("3h") Duration tokenLifetime) {

    public WebhookProperties {
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("darkroom.webhooks.token-lifetime must be positive");
        }
    }

    @Override
    public String toString() {
        return "WebhookProperties[publicUrl=" + publicUrl + ", tokenSecret="
                + (tokenSecret == null || tokenSecret.isBlank() ? "<none>" : "****") + ", tokenLifetime="
                + tokenLifetime
                + "]";
    }
}
