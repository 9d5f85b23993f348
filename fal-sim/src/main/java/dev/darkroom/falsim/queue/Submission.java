package dev.darkroom.falsim.queue;

import dev.darkroom.contracts.catalog.ModelSpec;
import dev.darkroom.falsim.faults.RequestFaults;
import dev.darkroom.falsim.web.BaseUrl;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Everything fixed about a request when it is submitted.
 *
 * @param id fal's request id (also its gateway request id)
 * @param endpointId the full endpoint id it was submitted to
 * @param appId the owner/app its status, result and cancel URLs use
 * @param model the catalog model behind the endpoint
 * @param input the submitted body (null when it was not JSON)
 * @param validationDetail fal's 422 {@code detail[]} for a body that breaks the schema, else null
 * @param priority its queue priority
 * @param sequence arrival order, which breaks ties between equal priorities
 * @param webhookUrl {@code fal_webhook}, or null
 * @param baseUrl the simulator's URL as this client sees it, for URLs in answers and outputs
 * @param createdAt when it arrived
 * @param startTimeout {@code X-Fal-Request-Timeout}, or null
 * @param outputLifetime lifetime of its output files from {@code X-Fal-Object-Lifecycle-Preference}, or null
 * @param runnerHint {@code X-Fal-Runner-Hint}, or null
 * @param noRetry whether {@code X-Fal-No-Retry} was set
 * @param storeIo {@code X-Fal-Store-IO} as sent ({@code 0}: false), or null when absent
 * @param payloadStored whether fal keeps its payloads (payload storage on, not turned off by {@code X-Fal-Store-IO:
 *     0}), which keeps its result for the storage period
 * @param faults the faults decided for it
 */
public record Submission(
        String id,
        String endpointId,
        String appId,
        ModelSpec model,
        JsonNode input,
        JsonNode validationDetail,
        Priority priority,
        long sequence,
        String webhookUrl,
        BaseUrl baseUrl,
        Instant createdAt,
        Duration startTimeout,
        Duration outputLifetime,
        String runnerHint,
        boolean noRetry,
        Boolean storeIo,
        boolean payloadStored,
        RequestFaults faults) {

    /** The prompt, where fault tokens live; empty when there is none. */
    public String prompt() {
        return input != null ? input.path("prompt").asString("") : "";
    }

    public String requestUrl() {
        return baseUrl.queue() + "/" + appId + "/requests/" + id;
    }
}
