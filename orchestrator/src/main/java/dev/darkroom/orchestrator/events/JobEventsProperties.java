package dev.darkroom.orchestrator.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Server-sent job event streams.
 *
 * @param heartbeat how often an idle stream gets a comment line, so proxies and clients see it is alive
 * @param sweep how often every open stream looks for events without being woken, in case a notification was missed
 * @param streamTimeout how long one stream stays open before it is closed (the client reconnects with
 *     {@code Last-Event-ID})
 * @param batchSize at most this many events are read per look
 */
@ConfigurationProperties("darkroom.events")
public record JobEventsProperties(
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("1s") Duration sweep,
        @DefaultValue("30m") Duration streamTimeout,
        @DefaultValue("200") int batchSize) {}
