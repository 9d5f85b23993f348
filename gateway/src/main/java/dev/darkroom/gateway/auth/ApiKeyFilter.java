package dev.darkroom.gateway.auth;

import dev.darkroom.contracts.security.InternalHeaders;
import dev.darkroom.gateway.GatewayProperties;
import dev.darkroom.support.net.RequestPaths;
import dev.darkroom.support.problems.DarkroomException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Runs first on every request: strips client-sent {@code X-Darkroom-*} headers, then, on tenant paths,
 * authenticates the bearer API key and adds the tenant and key ids (and the internal token) for the handlers and
 * the orchestrator behind the routes. The catalog, the API document and health endpoints are public; the admin API's bearer token is
 * checked by the orchestrator.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiKeyFilter implements WebFilter {

    private static final Set<String> PUBLIC_PREFIXES =
            Set.of("/v1/models", "/v1/openapi.json", "/v1/admin", "/actuator");

    private final KeyResolver keys;
    private final GatewayProperties properties;
    private final Clock clock;

    ApiKeyFilter(KeyResolver keys, GatewayProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getURI().getRawPath();
        if (!RequestPaths.plain(path)) {
            return Mono.error(new DarkroomException(
                    400, "malformed_request", "the request path must be plain: no ';', '%', '//' or dot segments"));
        }
        ServerHttpRequest.Builder request = exchange.getRequest().mutate().headers(h -> {
            List.copyOf(h.headerNames()).stream()
                    .filter(name -> name.toLowerCase(Locale.ROOT).startsWith(InternalHeaders.PREFIX))
                    .forEach(h::remove);
            if (properties.sendsInternalToken()) {
                h.set(InternalHeaders.INTERNAL_TOKEN, properties.internalToken());
            }
        });
        if (!RequestPaths.under(path, "/v1") || PUBLIC_PREFIXES.stream().anyMatch(p -> RequestPaths.under(path, p))) {
            return chain.filter(exchange.mutate().request(request.build()).build());
        }
        String auth = exchange.getRequest().getHeaders().getFirst("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7) || auth.length() <= 7) {
            return Mono.error(unauthenticated("an API key is required: Authorization: Bearer <key>"));
        }
        return keys.resolve(auth.substring(7).trim())
                .onErrorMap(e -> new DarkroomException(
                        503, "unavailable", "API keys cannot be checked right now; retry shortly"))
                .flatMap(found -> {
                    ResolvedKey key = found.filter(
                                    k -> k.expiresAt() == null || k.expiresAt().isAfter(clock.instant()))
                            .orElse(null);
                    if (key == null) {
                        return Mono.error(unauthenticated("the API key is not valid"));
                    }
                    request.headers(h -> {
                        h.set(InternalHeaders.TENANT_ID, key.tenantId().toString());
                        h.set(InternalHeaders.API_KEY_ID, key.keyId().toString());
                    });
                    ServerWebExchange authenticated =
                            exchange.mutate().request(request.build()).build();
                    authenticated.getAttributes().put(ResolvedKey.ATTRIBUTE, key);
                    return chain.filter(authenticated);
                });
    }

    private static DarkroomException unauthenticated(String detail) {
        return new DarkroomException(401, "invalid_api_key", detail, Map.of());
    }
}
