package dev.darkroom.gateway.models;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import dev.darkroom.contracts.catalog.Catalog;
import dev.darkroom.contracts.catalog.InputSchemas;
import dev.darkroom.contracts.catalog.ModelSpec;
import dev.darkroom.contracts.catalog.PriceOverride;
import dev.darkroom.contracts.catalog.Usd;
import dev.darkroom.support.problems.NotFoundException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Serves the catalog; public and the same for every tenant. */
@Configuration(proxyBeanMethods = false)
class ModelRoutes {

    /**
     * A model as the API lists it.
     *
     * @param id Darkroom's model id
     * @param name its name
     * @param kind image or video
     * @param falEndpoint the fal endpoint it runs on
     * @param expectedSeconds how long a run usually takes
     * @param pricing how it is billed
     * @param inputSchema JSON Schema of the {@code input} object: parameters, types, defaults, bounds
     */
    record ModelView(
            String id,
            String name,
            String kind,
            String falEndpoint,
            long expectedSeconds,
            PricingView pricing,
            JsonNode inputSchema) {

        static ModelView of(ModelSpec m) {
            return new ModelView(
                    m.id(),
                    m.name(),
                    m.kind().name().toLowerCase(Locale.ROOT),
                    m.falEndpoint(),
                    m.expectedDuration().toSeconds(),
                    PricingView.of(m),
                    InputSchemas.publicSchema(m));
        }
    }

    /**
     * @param unit megapixel (per image, rounded up), image or video_second
     * @param priceUsd USD per unit
     * @param confirmed false when the price is not confirmed by fal's documentation
     * @param overrides prices that apply when an input parameter matches
     */
    record PricingView(String unit, String priceUsd, boolean confirmed, List<Map<String, String>> overrides) {

        static PricingView of(ModelSpec m) {
            return new PricingView(
                    m.pricing().unit().name().toLowerCase(Locale.ROOT),
                    Usd.format(m.pricing().priceUsd()),
                    m.pricing().confirmed(),
                    m.pricing().overrides().stream().map(PricingView::override).toList());
        }

        private static Map<String, String> override(PriceOverride o) {
            return o.equals() != null
                    ? Map.of("parameter", o.parameter(), "equals", o.equals(), "price_usd", Usd.format(o.priceUsd()))
                    : Map.of(
                            "parameter",
                            o.parameter(),
                            "starts_with",
                            o.startsWith(),
                            "price_usd",
                            Usd.format(o.priceUsd()));
        }
    }

    /** @param data every model */
    record ModelList(List<ModelView> data) {}

    /** The catalog never changes while the process runs, so its views and schemas are built once, here. */
    @Bean
    RouterFunction<ServerResponse> modelEndpoints(Catalog catalog) {
        ModelList all =
                new ModelList(catalog.models().stream().map(ModelView::of).toList());
        Map<String, ModelView> byId = all.data().stream().collect(Collectors.toUnmodifiableMap(ModelView::id, v -> v));
        return route(GET("/v1/models"), r -> ServerResponse.ok().bodyValue(all))
                .andRoute(GET("/v1/models/{id}"), r -> one(byId, r.pathVariable("id")));
    }

    private static Mono<ServerResponse> one(Map<String, ModelView> byId, String id) {
        ModelView model = byId.get(id);
        return model != null
                ? ServerResponse.ok().bodyValue(model)
                : Mono.error(new NotFoundException("unknown_model", "unknown model " + id));
    }
}
