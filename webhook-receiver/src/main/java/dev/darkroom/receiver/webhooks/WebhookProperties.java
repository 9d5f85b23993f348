package dev.darkroom.receiver.webhooks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The webhook endpoint ({@code darkroom.webhooks.*}, the prefix the workers use for the same secret).
 *
 * @param tokenSecret the secret the per-job webhook tokens are HMACs under; shared with the workers, never logged
 * @param maxBodySize the largest webhook body accepted; larger ones are refused with 413
 * @param recentCapacity how many recorded webhooks are remembered to skip republishing exact duplicates
 * @param falUserId Darkroom's own fal account id ({@code FAL_USER_ID}); fal signs every customer's webhooks with the
 *     same keys, so only a webhook whose signed {@code X-Fal-Webhook-User-Id} is this one is Darkroom's. Required
 */
@ConfigurationProperties("darkroom.webhooks")
record WebhookProperties(
        String tokenSecret,
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("10000") int recentCapacity,
        String falUserId) {

    WebhookProperties {
        if (maxBodySize.toBytes() < 1 || maxBodySize.toBytes() > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("darkroom.webhooks.max-body-size must be between 1 byte and 2 GB");
        }
        if (recentCapacity < 0) {
            throw new IllegalArgumentException("darkroom.webhooks.recent-capacity must not be negative");
        }
    }

    @Override
    public String toString() {
        return "WebhookProperties[tokenSecret=****, maxBodySize=" + maxBodySize + ", recentCapacity=" + recentCapacity
                + ", falUserId=" + falUserId + "]";
    }
}
