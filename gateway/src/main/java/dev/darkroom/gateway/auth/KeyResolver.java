package dev.darkroom.gateway.auth;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
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
 * Resolves API keys through the orchestrator, by hash. Resolved keys are refreshed in the background after
 * {@code keyRefreshAfter} (the delay before a revocation takes effect) and keep working for up to
 * {@code keyMaxStale} while the orchestrator is unreachable, so a submission still reaches the durable queue when
 * the orchestrator is down. Unknown keys are remembered briefly, so a flood of bad keys does not become a flood of
 * lookups. A lookup that takes longer than {@code keyLookupTimeout} fails.
 */
@Component
class KeyResolver {

    private final AsyncLoadingCache<String, Optional<ResolvedKey>> cache;

    KeyResolver(GatewayProperties properties, WebClient.Builder webClients) {
        WebClient client = webClients
                .baseUrl(properties.orchestratorUrl())
                .defaultHeaders(h -> {
                    if (properties.sendsInternalToken()) {
                        h.set(InternalHeaders.INTERNAL_TOKEN, properties.internalToken());
                    }
                })
                .build();
        this.cache = Caffeine.newBuilder()
                .maximumSize(100_000)
                .refreshAfterWrite(properties.keyRefreshAfter())
                .expireAfter(Expiry.<String, Optional<ResolvedKey>>writing(
                        (hash, key) -> key.isPresent() ? properties.keyMaxStale() : properties.unknownKeyTtl()))
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
        return Mono.fromFuture(() -> cache.get(Sha256.hex(key)));
    }
}
