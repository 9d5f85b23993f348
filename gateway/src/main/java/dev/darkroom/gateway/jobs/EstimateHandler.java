package dev.darkroom.gateway.jobs;

import dev.darkroom.contracts.catalog.CostEstimate;
import dev.darkroom.contracts.catalog.CostEstimator;
import dev.darkroom.contracts.catalog.FalInputMapper;
import dev.darkroom.contracts.catalog.ModelSpec;
import dev.darkroom.contracts.catalog.OutputPlan;
import dev.darkroom.contracts.catalog.Usd;
import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /v1/estimate}: the price of an input, from the same catalog rules that reserve and settle; no job. */
@Component
class EstimateHandler {

    private final RequestBodies bodies;
    private final CostEstimator estimator;
    private final JsonMapper json;

    EstimateHandler(RequestBodies bodies, CostEstimator estimator, JsonMapper json) {
        this.bodies = bodies;
        this.estimator = estimator;
        this.json = json;
    }

    /**
     * @param model the model
     * @param estimatedCostUsd what the job would be reserved and, producing what it asks for, charged
     * @param unit what is counted: megapixel, image or video_second
     * @param quantity how many units
     * @param unitPriceUsd USD per unit
     * @param priceConfirmed false when fal's price for the model is not confirmed
     * @param outputs what fal would produce
     */
    record Estimate(
            String model,
            String estimatedCostUsd,
            String unit,
            BigDecimal quantity,
            String unitPriceUsd,
            boolean priceConfirmed,
            Outputs outputs) {}

    /**
     * @param count files
     * @param width image width, null for video
     * @param height image height, null for video
     * @param videoSeconds video length, null for images
     */
    record Outputs(int count, Integer width, Integer height, Integer videoSeconds) {}

    Mono<ServerResponse> estimate(ServerRequest request) {
        return bodies.read(request).flatMap(body -> {
            JobRequest job = JobRequest.parse(body, json);
            ModelSpec model = bodies.model(job.model());
            ObjectNode fal = FalInputMapper.toFal(model, bodies.validate(model, job.input()));
            CostEstimate cost = estimator.estimate(model, fal);
            OutputPlan plan = OutputPlan.of(model, fal);
            return ServerResponse.ok()
                    .bodyValue(new Estimate(
                            model.id(),
                            Usd.format(cost.amountUsd()),
                            cost.unit().name().toLowerCase(Locale.ROOT),
                            cost.quantity(),
                            Usd.format(cost.unitPriceUsd()),
                            cost.priceConfirmed(),
                            new Outputs(
                                    plan.count(),
                                    plan.dimensions() == null
                                            ? null
                                            : plan.dimensions().width(),
                                    plan.dimensions() == null
                                            ? null
                                            : plan.dimensions().height(),
                                    plan.dimensions() == null ? plan.videoSeconds() : null)));
        });
    }
}
