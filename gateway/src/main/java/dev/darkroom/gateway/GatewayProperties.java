package dev.darkroom.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Gateway settings.
 *
 * @param orchestratorUrl where reads, admin calls and key lookups go
 * @param internalToken shared secret sent to the orchestrator in {@code X-Darkroom-Internal-Token}; blank sends none
 * @param submitTimeout how long {@code POST /v1/jobs} waits for admission before answering 202 {@code accepted}
 * @param keyRefreshAfter how long a resolved API key is used before it is looked up again: the longest a revocation
 *     or a tenant's suspension takes to reach this replica
 * @param keyMaxStale how long a key's last good lookup keeps it working while the orchestrator cannot be reached
 * @param unknownKeyTtl how long an unknown key is remembered as unknown
 * @param keyLookupTimeout how long a key lookup at the orchestrator may take before the request is answered 503
 * @param maxBodySize the largest request body accepted
 */
@ConfigurationProperties("darkroom.gateway")
public record GatewayProperties(
        @DefaultValue("http://127.0.0.1:8081") String orchestratorUrl,
        String internalToken,
        @DefaultValue("5s") Duration submitTimeout,
        @DefaultValue("500ms") Duration keyRefreshAfter,
        @DefaultValue("10m") Duration keyMaxStale,
        @DefaultValue("5s") Duration unknownKeyTtl,
        @DefaultValue("2s") Duration keyLookupTimeout,
        @DefaultValue("256KB") DataSize maxBodySize) {

    public boolean sendsInternalToken() {
        return internalToken != null && !internalToken.isBlank();
    }
}
