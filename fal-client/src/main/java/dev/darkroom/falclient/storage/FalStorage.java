package dev.darkroom.falclient.storage;

import dev.darkroom.falclient.errors.FalErrorResponse;
import dev.darkroom.falclient.errors.FalUnexpectedResponseException;
import dev.darkroom.falclient.http.FalCall;
import dev.darkroom.falclient.http.FalHttp;
import dev.darkroom.falclient.http.FalResponse;
import dev.darkroom.falclient.http.Json;
import dev.darkroom.falclient.http.RetryPolicy;
import dev.darkroom.falclient.http.Urls;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * fal's two-step upload (docs/fal-protocol.md#storage-upload, as fal-js does it): {@code POST
 * {rest}/storage/upload/initiate} returns a presigned {@code upload_url} and the public {@code file_url}; the bytes go
 * to the upload URL with {@code PUT}. Thread-safe.
 */
public final class FalStorage {

    private final FalHttp http;
    private final URI restBase;

    public FalStorage(FalHttp http, URI restBase) {
        this.http = http;
        this.restBase = restBase;
    }

    /** Uploads bytes; both steps are retried on transient failures. Returns the file's public URL. */
    public String upload(byte[] content, String contentType, String fileName) {
        return upload(content, contentType, fileName, null);
    }

    /**
     * Uploads bytes that fal deletes after {@code lifetime} ({@code X-Fal-Object-Lifecycle}); null keeps the
     * account's default. Both steps are retried on transient failures. Returns the file's public URL.
     */
    public String upload(byte[] content, String contentType, String fileName, Duration lifetime) {
        Objects.requireNonNull(content, "content");
        return upload(
                () -> BodyPublishers.ofByteArray(content), contentType, fileName, lifetime, RetryPolicy.IDEMPOTENT);
    }

    /**
     * Streams {@code contentLength} bytes from the stream (the length is sent, as presigned URLs require). The PUT is
     * attempted once, because a consumed stream cannot be sent again; the caller closes the stream.
     */
    public String upload(InputStream content, long contentLength, String contentType, String fileName) {
        Objects.requireNonNull(content, "content");
        if (contentLength < 0) {
            throw new IllegalArgumentException("contentLength must not be negative");
        }
        Supplier<BodyPublisher> body =
                () -> BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> content), contentLength);
        return upload(body, contentType, fileName, null, RetryPolicy.NEVER);
    }

    private String upload(
            Supplier<BodyPublisher> body,
            String contentType,
            String fileName,
            Duration lifetime,
            RetryPolicy putPolicy) {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(fileName, "fileName");
        Target target = initiate(contentType, fileName, lifetime);
        // no Authorization on the presigned URL: it carries its own signature, it may live on a host that is not
        // fal's, and object stores refuse a request with two kinds of authentication
        http.execute(new FalCall("PUT", target.uploadUrl(), contentType, body, Map.of(), false, putPolicy, null));
        return target.fileUrl();
    }

    private Target initiate(String contentType, String fileName, Duration lifetime) {
        URI uri = URI.create(Urls.withQuery(
                Urls.join(restBase, "storage/upload/initiate").toString(), "storage_type", "fal-cdn-v3"));
        JsonNode request =
                Json.MAPPER.createObjectNode().put("content_type", contentType).put("file_name", fileName);
        FalCall call = FalCall.json("POST", uri, Json.bytes(request), RetryPolicy.IDEMPOTENT);
        if (lifetime != null) {
            call = call.withHeaders(Map.of(
                    "X-Fal-Object-Lifecycle",
                    Json.MAPPER
                            .createObjectNode()
                            .put("expiration_duration_seconds", Math.max(1, lifetime.toSeconds()))
                            .toString()));
        }
        FalResponse response = http.execute(call);
        JsonNode body = response.json();
        String uploadUrl = Json.text(body, "upload_url");
        String fileUrl = Json.text(body, "file_url");
        if (uploadUrl == null || fileUrl == null) {
            throw new FalUnexpectedResponseException(
                    response.operation() + " answered " + response.status() + " without upload_url and file_url",
                    new FalErrorResponse(response.operation(), response.status(), null, null, null, false, null, body));
        }
        return new Target(URI.create(uploadUrl), fileUrl);
    }

    private record Target(URI uploadUrl, String fileUrl) {}
}
