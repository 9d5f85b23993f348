package dev.darkroom.falclient;

import dev.darkroom.falclient.errors.FalException;
import dev.darkroom.falclient.errors.FalResultNotReadyException;
import dev.darkroom.falclient.errors.FalSubmitUncertainException;
import dev.darkroom.falclient.http.FalHttp;
import dev.darkroom.falclient.platform.FalPrice;
import dev.darkroom.falclient.platform.FalPricing;
import dev.darkroom.falclient.queue.CancelOutcome;
import dev.darkroom.falclient.queue.FalQueue;
import dev.darkroom.falclient.queue.FalResult;
import dev.darkroom.falclient.queue.FalStatus;
import dev.darkroom.falclient.queue.FalSubmission;
import dev.darkroom.falclient.queue.QueueUrls;
import dev.darkroom.falclient.queue.SubmitOptions;
import dev.darkroom.falclient.storage.FalStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Darkroom's client for fal's queue API and storage. One instance per configuration, shared by all threads.
 *
 * <p>Every call sends {@code Authorization: Key <FAL_KEY>}, {@code Accept: application/json} and a User-Agent,
 * retries transient failures with jittered exponential backoff that honours {@code Retry-After}, and fails with a
 * subtype of {@link FalException}. Submit is retried only when fal certainly did not enqueue the request (see
 * {@link FalSubmitUncertainException}).
 */
public final class FalClient {

    private final QueueUrls urls;
    private final FalQueue queue;
    private final FalStorage storage;
    private final FalPricing pricing;

    public FalClient(FalClientConfig config) {
        this(
                config,
                HttpClient.newBuilder()
                        .connectTimeout(config.connectTimeout())
                        // fal never redirects API calls; following one would send the key to another host
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build());
    }

    /** With a caller-built {@link HttpClient} (proxy, TLS, executor); its redirect policy should be NEVER. */
    public FalClient(FalClientConfig config, HttpClient httpClient) {
        if (config.apiKey() == null) {
            throw new IllegalArgumentException("a FalClient needs an API key (FAL_KEY)");
        }
        FalHttp http = new FalHttp(
                httpClient, config.apiKey(), config.requestTimeout(), config.retry(), config.sleeper(), config.clock());
        this.urls = new QueueUrls(config.queueBaseUrl());
        this.queue = new FalQueue(http, urls);
        this.storage = new FalStorage(http, config.restBaseUrl());
        this.pricing = new FalPricing(http, config.apiBaseUrl());
    }

    /** Submits without webhook or options. */
    public FalSubmission submit(String endpointId, JsonNode input) {
        return submit(endpointId, input, SubmitOptions.NONE);
    }

    /**
     * Puts a request into fal's queue ({@code POST {queue}/{endpointId}}), the input JSON as the body.
     *
     * @throws FalSubmitUncertainException when fal may have enqueued it although the call failed: do not submit
     *     again blindly
     */
    public FalSubmission submit(String endpointId, JsonNode input, SubmitOptions options) {
        return queue.submit(endpointId, input, options);
    }

    /** The request's status at {@code statusUrl} (as submit returned it), with its logs when {@code logs}. */
    public FalStatus status(String statusUrl, boolean logs) {
        return queue.status(statusUrl, logs);
    }

    /**
     * The output of a completed request. A failed request surfaces as the model's error (e.g. {@code
     * FalValidationException} for a 422).
     *
     * @throws FalResultNotReadyException when the request has not completed yet
     */
    public FalResult result(String responseUrl) {
        return queue.result(responseUrl);
    }

    /** Asks fal to cancel; see {@link CancelOutcome} for what each answer means. */
    public CancelOutcome cancel(String cancelUrl) {
        return queue.cancel(cancelUrl);
    }

    /** Uploads bytes to fal's CDN; returns the public URL to pass as a model input. */
    public String upload(byte[] content, String contentType, String fileName) {
        return storage.upload(content, contentType, fileName);
    }

    /** Uploads bytes that fal's storage deletes after {@code lifetime}; null keeps the account's default. */
    public String upload(byte[] content, String contentType, String fileName, Duration lifetime) {
        return storage.upload(content, contentType, fileName, lifetime);
    }

    /** Reads the stream fully, then uploads it like {@link #upload(byte[], String, String)}. */
    public String upload(InputStream content, String contentType, String fileName) {
        try {
            return storage.upload(content.readAllBytes(), contentType, fileName);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the upload", e);
        }
    }

    /** Streams a known number of bytes without buffering them; the PUT is not retried. */
    public String upload(InputStream content, long contentLength, String contentType, String fileName) {
        return storage.upload(content, contentLength, contentType, fileName);
    }

    /** fal's current prices of these endpoints (its platform pricing API); unpriced endpoints are left out. */
    public List<FalPrice> prices(List<String> endpointIds) {
        return pricing.prices(endpointIds);
    }

    /** Builds status, result and cancel URLs from an endpoint id and a request id. */
    public QueueUrls urls() {
        return urls;
    }
}
