package dev.darkroom.falclient.queue;

import dev.darkroom.falclient.errors.FalErrorResponse;
import dev.darkroom.falclient.errors.FalException;
import dev.darkroom.falclient.errors.FalSubmitUncertainException;
import dev.darkroom.falclient.errors.FalUnexpectedResponseException;
import dev.darkroom.falclient.http.FalCall;
import dev.darkroom.falclient.http.FalHttp;
import dev.darkroom.falclient.http.FalResponse;
import dev.darkroom.falclient.http.Json;
import dev.darkroom.falclient.http.RetryPolicy;
import dev.darkroom.falclient.http.Urls;
import java.net.URI;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/** fal's queue API: submit, status, result, cancel. Thread-safe. */
public final class FalQueue {

    private final FalHttp http;
    private final QueueUrls urls;

    public FalQueue(FalHttp http, QueueUrls urls) {
        this.http = http;
        this.urls = urls;
    }

    /** See {@link dev.darkroom.falclient.FalClient#submit}. */
    public FalSubmission submit(String endpointId, JsonNode input, SubmitOptions options) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(options, "options");
        EndpointId endpoint = EndpointId.parse(endpointId);
        String url = urls.submit(endpoint).toString();
        if (options.webhookUrl() != null) {
            url = Urls.withQuery(url, "fal_webhook", options.webhookUrl());
        }
        if (options.maxQueueLength() != null) {
            url = Urls.withQuery(
                    url, "fal_max_queue_length", options.maxQueueLength().toString());
        }
        FalCall call = FalCall.json("POST", URI.create(url), Json.bytes(input), RetryPolicy.SUBMIT)
                .withHeaders(options.requestHeaders());
        FalResponse response = http.execute(call);
        FalSubmission submission = FalSubmission.parse(response.json(), endpoint.id(), urls);
        if (submission == null) {
            // fal answered 2xx, so it most likely enqueued the request; without an id we cannot find it again
            throw new FalSubmitUncertainException(
                    call.operation() + " answered " + response.status() + " without a request_id",
                    unexpected(response, "submit answer without request_id"));
        }
        return submission;
    }

    /** See {@link dev.darkroom.falclient.FalClient#status}. */
    public FalStatus status(String statusUrl, boolean logs) {
        URI uri = URI.create(Urls.withQuery(urls.follow(statusUrl, "status").toString(), "logs", logs ? "1" : "0"));
        FalResponse response = http.execute(FalCall.get(uri, RetryPolicy.IDEMPOTENT));
        JsonNode body = response.json();
        FalStatus status = body == null ? null : FalStatus.parse(body);
        if (status == null) {
            throw unexpected(response, "status answer without a known status");
        }
        return status;
    }

    /** See {@link dev.darkroom.falclient.FalClient#result}. */
    public FalResult result(String responseUrl) {
        FalResponse response = http.execute(FalCall.get(urls.follow(responseUrl, "result"), RetryPolicy.RESULT));
        JsonNode body = response.json();
        if (body == null) {
            throw unexpected(response, "result body is not JSON");
        }
        return new FalResult(response.header("x-fal-request-id"), body);
    }

    /** See {@link dev.darkroom.falclient.FalClient#cancel}. */
    public CancelOutcome cancel(String cancelUrl) {
        FalCall call = FalCall.bodiless("PUT", urls.follow(cancelUrl, "cancel"), RetryPolicy.IDEMPOTENT)
                .withOutcome(FalQueue::isCancelAnswer);
        FalResponse response = http.execute(call);
        if (response.status() == 404) {
            return CancelOutcome.NOT_FOUND;
        }
        if (response.status() == 400) {
            return CancelOutcome.ALREADY_COMPLETED;
        }
        return CancelOutcome.CANCELLATION_REQUESTED;
    }

    /** 400 and 404 are answers to a cancel, not failures, when fal says so in the body. */
    private static boolean isCancelAnswer(FalResponse response) {
        String status = Json.text(response.json(), "status");
        return (response.status() == 400 && "ALREADY_COMPLETED".equals(status))
                || (response.status() == 404 && (status == null || "NOT_FOUND".equals(status)));
    }

    private static FalException unexpected(FalResponse response, String what) {
        return new FalUnexpectedResponseException(
                response.operation() + " answered " + response.status() + ": " + what,
                new FalErrorResponse(
                        response.operation(),
                        response.status(),
                        response.header("x-fal-request-id"),
                        null,
                        null,
                        false,
                        null,
                        null));
    }
}
