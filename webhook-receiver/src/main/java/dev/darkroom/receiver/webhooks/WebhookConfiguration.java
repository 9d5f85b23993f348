package dev.darkroom.receiver.webhooks;

import dev.darkroom.contracts.webhooks.WebhookTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The token checker and the memory of recent webhooks. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    WebhookTokens webhookTokens(WebhookProperties properties) {
        if (properties.tokenSecret() == null || properties.tokenSecret().isBlank()) {
            throw new IllegalStateException(
                    "darkroom.webhooks.token-secret (DARKROOM_WEBHOOK_TOKEN_SECRET) must be set: it is the secret the"
                            + " workers sign webhook URLs with");
        }
        if (properties.falUserId() == null || properties.falUserId().isBlank()) {
            throw new IllegalStateException("darkroom.webhooks.fal-user-id (FAL_USER_ID) must be set: only webhooks"
                    + " signed for Darkroom's own fal account are accepted (fal-sim's is sim-user)");
        }
        return new WebhookTokens(properties.tokenSecret());
    }

    @Bean
    RecentWebhooks recentWebhooks(WebhookProperties properties) {
        return new RecentWebhooks(properties.recentCapacity());
    }
}
