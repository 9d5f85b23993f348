package dev.darkroom.receiver.claims;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach the orchestrator's internal API ({@code darkroom.orchestrator.*}).
 *
 * @param url the orchestrator's base URL
 * @param internalToken sent as {@code X-Darkroom-Internal-Token} when set; never logged
 * @param connectTimeout limit on opening a connection
 * @param requestTimeout limit on one claim call
 */
@ConfigurationProperties("darkroom.orchestrator")
record OrchestratorProperties(
        @DefaultValue("http://127.0.0.1:8081") URI url,
        String internalToken,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout) {

    @Override
    public String toString() {
        return "OrchestratorProperties[url=" + url + ", internalToken="
                + (internalToken == null || internalToken.isBlank() ? "<none>" : "****") + "]";
    }
}
