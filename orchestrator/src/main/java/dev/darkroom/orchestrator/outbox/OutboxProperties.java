package dev.darkroom.orchestrator.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbox relay settings.
 *
 * @param interval how often the relay looks for unsent messages when not nudged
 * @param batchSize messages claimed per round
 * @param claimFor how long a claimed batch is reserved for one relay; after that another may send it again
 * @param keepPublished how long a published message is kept (for an operator's look) before housekeeping deletes it
 */
@ConfigurationProperties("darkroom.outbox")
record OutboxProperties(
        @DefaultValue("500ms") Duration interval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("30s") Duration claimFor,
        @DefaultValue("1d") Duration keepPublished) {}
