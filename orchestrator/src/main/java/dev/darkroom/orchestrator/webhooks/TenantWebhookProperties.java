package dev.darkroom.orchestrator.webhooks;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery of tenant webhooks.
 *
 * @param interval how often due deliveries are looked for
 * @param timeout how long one delivery attempt may take
 * @param backoff waits before each retry; its length is the number of retries
 * @param allowedHosts hosts that may resolve to private, loopback or link-local addresses (operator allow-list)
 * @param batchSize deliveries attempted per round
 * @param keepFinished how long a delivered or failed delivery is kept before housekeeping deletes it
 */
@ConfigurationProperties("darkroom.webhooks")
record TenantWebhookProperties(
        @DefaultValue("1s") Duration interval,
        @DefaultValue("10s") Duration timeout,

        @DefaultValue({"5s", "30s", "2m", "10m", "30m", "1h", "3h", "6h"})
        List<Duration> backoff,

        @DefaultValue({}) List<String> allowedHosts,
        @DefaultValue("20") int batchSize,
        @DefaultValue("7d") Duration keepFinished) {}
