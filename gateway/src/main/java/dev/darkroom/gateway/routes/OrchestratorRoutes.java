package dev.darkroom.gateway.routes;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import dev.darkroom.gateway.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Routes to the orchestrator. The tenant headers and internal token were set by the API-key filter; everything a
 * client sent under {@code X-Darkroom-*} was removed.
 */
@Configuration(proxyBeanMethods = false)
class OrchestratorRoutes {

    @Bean
    RouteLocator orchestratorRouteLocator(RouteLocatorBuilder routes, GatewayProperties properties) {
        String orchestrator = properties.orchestratorUrl();
        return routes.routes()
                .route(
                        "jobs-read",
                        r -> r.method(HttpMethod.GET)
                                .and()
                                .path("/v1/jobs", "/v1/jobs/{id}", "/v1/jobs/{id}/outputs/{index}")
                                .uri(orchestrator))
                // server-sent events stay open for as long as the client follows them: no response timeout (the
                // orchestrator sends a comment at once and heartbeats, so a dead connection is still noticed)
                .route(
                        "job-events",
                        r -> r.method(HttpMethod.GET)
                                .and()
                                .path("/v1/jobs/{id}/events", "/v1/events")
                                .metadata(RESPONSE_TIMEOUT_ATTR, -1)
                                .uri(orchestrator))
                .route(
                        "jobs-cancel",
                        r -> r.method(HttpMethod.POST)
                                .and()
                                .path("/v1/jobs/{id}/cancel")
                                .uri(orchestrator))
                .route(
                        "usage",
                        r -> r.method(HttpMethod.GET)
                                .and()
                                .path("/v1/usage", "/v1/quota")
                                .uri(orchestrator))
                .route("webhooks", r -> r.path("/v1/webhooks/**").uri(orchestrator))
                .route("admin", r -> r.path("/v1/admin/**").uri(orchestrator))
                .build();
    }
}
