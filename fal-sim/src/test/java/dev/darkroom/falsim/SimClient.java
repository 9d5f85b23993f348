package dev.darkroom.falsim;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP against a running simulator, the way any fal client talks to it. */
public final class SimClient {

    public static final String KEY = "darkroom-sim:local-secret";
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    public SimClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public String base() {
        return base;
    }

    /** {@code POST /queue/{endpoint}} with the default key; {@code query} is appended as is (may be empty). */
    public Response submit(String endpoint, String body, String query, String... headers) {
        return send("POST", "/queue/" + endpoint + query, body, true, headers);
    }

    public Response submit(String endpoint, String body) {
        return submit(endpoint, body, "");
    }

    /** Submits with {@code fal_webhook} set. */
    public Response submitWithWebhook(String endpoint, String body, String webhookUrl) {
        return submit(endpoint, body, "?fal_webhook=" + URLEncoder.encode(webhookUrl, StandardCharsets.UTF_8));
    }

    public Response get(String pathOrUrl, String... headers) {
        return send("GET", pathOrUrl, null, true, headers);
    }

    public Response put(String pathOrUrl, String... headers) {
        return send("PUT", pathOrUrl, "", true, headers);
    }

    public Response post(String pathOrUrl, String body, String... headers) {
        return send("POST", pathOrUrl, body, true, headers);
    }

    /** Any call; {@code auth} adds the default key, {@code headers} are name/value pairs. */
    public Response send(String method, String pathOrUrl, String body, boolean auth, String... headers) {
        return sendBytes(method, pathOrUrl, body == null ? null : body.getBytes(StandardCharsets.UTF_8), auth, headers);
    }

    public Response sendBytes(String method, String pathOrUrl, byte[] body, boolean auth, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(pathOrUrl)))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        boolean contentType = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            contentType |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !contentType) {
            request.header("Content-Type", "application/json");
        }
        if (auth) {
            request.header("Authorization", "Key " + KEY);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + pathOrUrl + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls a submitted request's status URL until it answers COMPLETED (200), and returns that status. */
    public JsonNode awaitCompleted(JsonNode submitted) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(25))
                .until(() -> {
                    Response status = get(submitted.get("status_url").asString());
                    last.set(status.json());
                    return status.status() == 200;
                });
        return last.get();
    }

    /** Replaces the fault settings. */
    public void faults(String json) {
        Response response = send("PUT", "/_sim/faults", json, false);
        if (response.status() != 200) {
            throw new IllegalStateException("faults refused: " + response.text());
        }
    }

    public void reset() {
        send("POST", "/_sim/reset", null, false);
    }

    public JsonNode adminRequest(String requestId) {
        return send("GET", "/_sim/requests/" + requestId, null, false).json();
    }

    private String url(String pathOrUrl) {
        return pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl;
    }

    /** An answer. */
    public record Response(int status, HttpHeaders headers, byte[] body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
