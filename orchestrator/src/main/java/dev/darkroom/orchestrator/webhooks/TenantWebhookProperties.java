package dev.darkroom.orchestrator.webhooks;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Tenant webhook endpoints and their delivery.
 *
 * @param interval how often due deliveries are looked for when no commit woke the sender: a fallback for a lost
 *     wake-up (a crashed replica, a dropped notification connection)
 * @param timeout the one deadline of an attempt, covering connect, response headers and body: a response still
 *     trickling in then is cut off and counts as failed
 * @param backoff waits before each retry, after the first attempt; its length is the number of retries
 * @param jitter each wait is spread by up to this fraction either way, so retries of many deliveries do not align
 * @param maxRetryAfter the longest wait a {@code Retry-After} on a 429 or 503 may ask for
 * @param maxResponseBody how much of a response body is read (and discarded) before the connection is dropped
 * @param allowedHosts hosts that may resolve to private, loopback or link-local addresses (operator allow-list)
 * @param concurrency attempts in flight at once on one replica, over all endpoints
 * @param perEndpointConcurrency attempts in flight at once to one endpoint on one replica
 * @param maxEndpointsPerTenant how many endpoints one tenant may have
 * @param rotationOverlap how long the previous secret still signs deliveries after a rotation
 * @param disableAfter an endpoint whose attempts have all failed for this long is disabled
 * @param keepFinished how long a message is kept (with its deliveries and attempts, for the delivery log, replay and
 *     recover) once no delivery of it is pending; then housekeeping deletes it
 */
@ConfigurationProperties("darkroom.webhooks")
record TenantWebhookProperties(
        @DefaultValue("10s") Duration interval,
        @DefaultValue("15s") Duration timeout,

        @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "10h"})
        List<Duration> backoff,

        @DefaultValue("0.2") double jitter,
        @DefaultValue("1h") Duration maxRetryAfter,
        @DefaultValue("64KB") DataSize maxResponseBody,
        @DefaultValue({}) List<String> allowedHosts,
        @DefaultValue("64") int concurrency,
        @DefaultValue("4") int perEndpointConcurrency,
        @DefaultValue("10") int maxEndpointsPerTenant,
        @DefaultValue("24h") Duration rotationOverlap,
        @DefaultValue("5d") Duration disableAfter,
        @DefaultValue("7d") Duration keepFinished) {}
