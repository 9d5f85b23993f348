package dev.darkroom.receiver.ingest;

import dev.darkroom.contracts.catalog.ModelSpec;
import dev.darkroom.contracts.messages.JobError;
import dev.darkroom.falclient.FalClient;
import dev.darkroom.falclient.errors.FalException;
import dev.darkroom.falclient.queue.FalResult;
import dev.darkroom.receiver.claims.Claim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Fetches a result from fal's queue when the webhook carried none ({@code payload_error}: fal says to use the queue
 * endpoint). Follows the response URL the worker reported; when there is none, builds it from the model's endpoint.
 */
@Component
class ResultFetcher {

    private static final Logger log = LoggerFactory.getLogger(ResultFetcher.class);

    private final FalClient fal;

    ResultFetcher(FalClient fal) {
        this.fal = fal;
    }

    /**
     * The result's output JSON.
     *
     * @throws JobFailure when fal answers with an error that a retry would not change
     * @throws FalException when fal may answer differently later (the listener retries)
     */
    JsonNode fetch(Claim claim, ModelSpec model, String falRequestId) {
        String url = claim.falResponseUrl() != null
                ? claim.falResponseUrl()
                : fal.urls().result(model.falEndpoint(), falRequestId);
        log.info("fetching the result of fal request {} for job {} from fal's queue", falRequestId, claim.jobId());
        FalResult result;
        try {
            result = fal.result(url);
        } catch (FalException e) {
            if (e.retryable()) {
                throw e;
            }
            throw new JobFailure(FalErrors.fromFetch(e));
        }
        JsonNode body = result.body();
        if (body == null || !body.isObject()) {
            throw new JobFailure(new JobError(
                    FalErrors.GENERIC, "fal's result for request " + falRequestId + " is not a JSON object", null));
        }
        return body;
    }
}
