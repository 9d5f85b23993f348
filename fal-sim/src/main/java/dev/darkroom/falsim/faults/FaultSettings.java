package dev.darkroom.falsim.faults;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Fault injection knobs. Rates are probabilities from 0 to 1, drawn per request (or per webhook) from one RNG that
 * {@code seed} makes repeatable. Bound from {@code fal-sim.faults.*} at startup (the state {@code /_sim/reset}
 * returns to) and changed at run time through {@code PUT} or {@code PATCH /_sim/faults}.
 *
 * @param seed seed of the fault RNG; null = a random seed
 * @param submit429Rate submits answered 429 with {@code Retry-After}, nothing enqueued
 * @param retryAfter the {@code Retry-After} of those 429s (default 1 s)
 * @param ingress5xxSubmitRate submits answered 502/503 by the "nginx" in front, nothing enqueued
 * @param submitResponseLostRate submits that are enqueued but whose answer is lost in a 502 from the ingress
 * @param ingress5xxReadRate status and result reads answered 502/503 by the ingress
 * @param modelErrorRate requests that complete with a model error instead of outputs
 * @param modelErrorTypes the error types a model error is drawn from (see README: 422 detail[] or flat bodies;
 *     default {@code content_policy_violation} and {@code runner_server_error})
 * @param stuckRate requests that stay IN_QUEUE forever (until cancelled or their start timeout passes)
 * @param webhookDropRate webhooks never delivered
 * @param webhookDuplicateRate webhooks delivered twice
 * @param webhookDelayRate webhooks held back before the first attempt
 * @param webhookDelayMin shortest such delay (default 1 s)
 * @param webhookDelayMax longest such delay (default 5 s)
 * @param webhookReorderRate webhooks held until the next webhook has gone out, so they arrive out of order
 * @param cancelIgnoredRate cancels of IN_PROGRESS requests after which the request still completes normally
 * @param payloadErrorRate webhooks sent with {@code payload: null} and a {@code payload_error}
 * @param falRetryRate requests whose first runner fails with a 503 that fal retries on its side (the webhook's
 *     {@code gateway_request_id} then differs from its {@code request_id})
 * @param nsfwRate images the safety checker flags (FLUX [dev], FLUX LoRA, SD 3.5, HiDream): black, with
 *     {@code has_nsfw_concepts[i] = true}
 */
@ConfigurationProperties("fal-sim.faults")
public record FaultSettings(
        @JsonProperty("seed") Long seed,
        @JsonProperty("submit_429_rate") double submit429Rate,
        @JsonProperty("retry_after") Duration retryAfter,
        @JsonProperty("ingress_5xx_submit_rate") double ingress5xxSubmitRate,
        @JsonProperty("submit_response_lost_rate") double submitResponseLostRate,
        @JsonProperty("ingress_5xx_read_rate") double ingress5xxReadRate,
        @JsonProperty("model_error_rate") double modelErrorRate,
        @JsonProperty("model_error_types") List<String> modelErrorTypes,
        @JsonProperty("stuck_rate") double stuckRate,
        @JsonProperty("webhook_drop_rate") double webhookDropRate,
        @JsonProperty("webhook_duplicate_rate") double webhookDuplicateRate,
        @JsonProperty("webhook_delay_rate") double webhookDelayRate,
        @JsonProperty("webhook_delay_min") Duration webhookDelayMin,
        @JsonProperty("webhook_delay_max") Duration webhookDelayMax,
        @JsonProperty("webhook_reorder_rate") double webhookReorderRate,
        @JsonProperty("cancel_ignored_rate") double cancelIgnoredRate,
        @JsonProperty("payload_error_rate") double payloadErrorRate,
        @JsonProperty("fal_retry_rate") double falRetryRate,
        @JsonProperty("nsfw_rate") double nsfwRate) {

    private static final List<String> DEFAULT_ERROR_TYPES = List.of("content_policy_violation", "runner_server_error");

    /**
     * Fills what the configuration or a JSON document left out (the one place defaults live, as the same record
     * is bound from {@code fal-sim.faults.*} and read from {@code /_sim/faults}) and rejects impossible values.
     */
    public FaultSettings {
        retryAfter = retryAfter != null ? retryAfter : Duration.ofSeconds(1);
        modelErrorTypes = modelErrorTypes == null || modelErrorTypes.isEmpty()
                ? DEFAULT_ERROR_TYPES
                : List.copyOf(modelErrorTypes);
        webhookDelayMin = webhookDelayMin != null ? webhookDelayMin : Duration.ofSeconds(1);
        webhookDelayMax = webhookDelayMax != null ? webhookDelayMax : Duration.ofSeconds(5);
        for (double rate : new double[] {
            submit429Rate,
            ingress5xxSubmitRate,
            submitResponseLostRate,
            ingress5xxReadRate,
            modelErrorRate,
            stuckRate,
            webhookDropRate,
            webhookDuplicateRate,
            webhookDelayRate,
            webhookReorderRate,
            cancelIgnoredRate,
            payloadErrorRate,
            falRetryRate,
            nsfwRate
        }) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("fault rates must be between 0 and 1, got " + rate);
            }
        }
        if (retryAfter.isNegative() || webhookDelayMin.isNegative() || webhookDelayMax.compareTo(webhookDelayMin) < 0) {
            throw new IllegalArgumentException("delays must be >= 0 and webhook_delay_max >= webhook_delay_min");
        }
    }
}
