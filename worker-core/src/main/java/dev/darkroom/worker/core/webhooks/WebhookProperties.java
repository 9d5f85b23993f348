package dev.darkroom.worker.core.webhooks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where fal sends a job's webhook, shared with the webhook-receiver.
 *
 * @param publicUrl the webhook-receiver's base URL as fal reaches it ({@code DARKROOM_WEBHOOK_PUBLIC_URL})
 * @param tokenSecret the secret the per-job URL token is an HMAC with ({@code DARKROOM_WEBHOOK_TOKEN_SECRET}); must
 *     equal the receiver's; never logged
 */
@ConfigurationProperties("darkroom.webhooks")
public record WebhookProperties(
        @DefaultValue("http://127.0.0.1:8084") String publicUrl, String tokenSecret) {

    @Override
    public String toString() {
        return "WebhookProperties[publicUrl=" + publicUrl + ", tokenSecret="
                + (tokenSecret == null || tokenSecret.isBlank() ? "<none>" : "****") + "]";
    }
}
