package dev.darkroom.gateway.jobs;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The gateway's own job endpoints; they take precedence over the proxied routes. */
@Configuration(proxyBeanMethods = false)
class JobRoutes {

    @Bean
    RouterFunction<ServerResponse> jobEndpoints(SubmitHandler submit, EstimateHandler estimate) {
        return route(POST("/v1/jobs"), submit::submit).andRoute(POST("/v1/estimate"), estimate::estimate);
    }
}
