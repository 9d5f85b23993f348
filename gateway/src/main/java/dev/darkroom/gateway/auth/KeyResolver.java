package dev.darkroom.gateway.auth;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.darkroom.contracts.security.InternalHeaders;
import dev.darkroom.contracts.security.Sha256;
import dev.darkroom.gateway.GatewayProperties;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Resolves API keys through the orchestrator, by hash. An answer is used for {@code keyRefreshAfter} (500 ms by
 * default, so a revocation, an expiry moved forward or a tenant's suspension reaches every gateway replica within
 * 1 s), then the key is looked up again, by the one request that needs it, the others waiting for the same
 * lookup. Unknown keys are remembered for {@code unknownKeyTtl}, so a flood of bad keys does not become a flood of
 * lookups. A lookup that fails (the orchestrator down or slower than {@code keyLookupTimeout}) falls back to the
 * key's last good answer for up to {@code keyMaxStale}, so a submission still reaches the durable queue during an
 * outage; admission checks the key again when it runs.
 */
@Component
class KeyResolver {

    private final AsyncLoadingCache<String, Optional<ResolvedKey>> fresh;
    private final Cache<String, ResolvedKey> lastGood;

    KeyResolver(GatewayProperties properties, WebClient.Builder webClients) {
        WebClient client = webClients
                .baseUrl(properties.orchestratorUrl())
                .defaultHeaders(h -> {
                    if (properties.sendsInternalToken()) {
                        h.set(InternalHeaders.INTERNAL_TOKEN, properties.internalToken());
                    }
                })
                .build();
        this.lastGood = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(properties.keyMaxStale())
                .build();
        this.fresh = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfter(Expiry.<String, Optional<ResolvedKey>>writing(
                        (hash, key) -> key.isPresent() ? properties.keyRefreshAfter() : properties.unknownKeyTtl()))
                .buildAsync((hash, executor) -> client.get()
                        .uri("/internal/api-keys/{hash}", hash)
                        .retrieve()
                        .bodyToMono(JsonNode.class)
                        // a hanging orchestrator fails the lookup (503) instead of holding the request
                        .timeout(properties.keyLookupTimeout())
                        .map(KeyResolver::resolved)
                        .onErrorResume(
                                WebClientResponseException.class,
                                e -> e.getStatusCode() == HttpStatus.NOT_FOUND
                                        ? Mono.just(Optional.empty())
                                        : Mono.error(e))
                        .doOnNext(found ->
                                found.ifPresentOrElse(key -> lastGood.put(hash, key), () -> lastGood.invalidate(hash)))
                        .toFuture());
    }

    private static Optional<ResolvedKey> resolved(JsonNode body) {
        JsonNode expires = body.get("expires_at");
        return Optional.of(new ResolvedKey(
                UUID.fromString(body.get("tenant_id").asString()),
                UUID.fromString(body.get("key_id").asString()),
                expires == null || expires.isNull() ? null : Instant.parse(expires.asString())));
    }

    /** The key's tenant, empty for an unknown, revoked or expired key; an error when it cannot be looked up. */
    Mono<Optional<ResolvedKey>> resolve(String key) {
        String hash = Sha256.hex(key);
        return Mono.fromFuture(() -> fresh.get(hash)).onErrorResume(e -> {
            ResolvedKey known = lastGood.getIfPresent(hash);
            return known != null ? Mono.just(Optional.of(known)) : Mono.error(e);
        });
    }
}
