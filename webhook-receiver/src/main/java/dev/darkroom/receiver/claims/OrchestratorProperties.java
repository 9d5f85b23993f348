package dev.darkroom.receiver.claims;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach the orchestrator's internal API ({@code darkroom.orchestrator.*}).
 *
 * @param url the orchestrator's base URL
 * @param internalToken the receiver's own credential ({@code DARKROOM_RECEIVER_TOKEN}), sent as
 *     {@code X-Darkroom-Internal-Token}; it may only claim jobs. Required: the receiver does not start without it.
 *     Never logged
 * @param connectTimeout limit on opening a connection
 * @param requestTimeout limit on one claim call
 */
@ConfigurationProperties("darkroom.orchestrator")
record OrchestratorProperties(
        @DefaultValue("http://127.0.0.1:8081") URI url,
        String internalToken,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout) {

    OrchestratorProperties {
        if (internalToken == null || internalToken.isBlank()) {
            throw new IllegalArgumentException("darkroom.orchestrator.internal-token (DARKROOM_RECEIVER_TOKEN) must be"
                    + " set: the orchestrator refuses claims without the receiver's credential");
        }
    }

    @Override
    public String toString() {
        return "OrchestratorProperties[url=" + url + ", internalToken="
                + (internalToken == null || internalToken.isBlank() ? "<none>" : "****") + "]";
    }
}
