package dev.darkroom.falsim.auth;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * fal API keys the simulator accepts ({@code Authorization: Key <key_id>:<key_secret>}).
 *
 * @param keys accepted keys, each {@code key_id:key_secret}
 * @param acceptAnyKey accept every well-formed key, not only {@code keys}
 * @param lockedKeys keys whose account is locked: answered 403 "User is locked" like an exhausted fal balance
 * @param adminToken lets callers other than loopback use the {@code /_sim} API, sent as {@code X-Fal-Sim-Token};
 *     blank (the default) keeps that API to loopback callers. It lists webhook URLs with their tokens
 */
@ConfigurationProperties("fal-sim.auth")
public record AuthProperties(
        @DefaultValue("darkroom-sim:local-secret") List<String> keys,
        @DefaultValue("false") boolean acceptAnyKey,
        @DefaultValue List<String> lockedKeys,
        String adminToken) {

    public AuthProperties {
        keys = List.copyOf(keys);
        lockedKeys = List.copyOf(lockedKeys);
    }

    @Override
    public String toString() {
        return "AuthProperties[keys=" + keys.size() + ", acceptAnyKey=" + acceptAnyKey + ", lockedKeys="
                + lockedKeys.size() + ", adminToken=" + (adminToken == null || adminToken.isBlank() ? "<none>" : "****")
                + "]";
    }
}
