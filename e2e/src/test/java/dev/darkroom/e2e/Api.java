package dev.darkroom.e2e;

import dev.darkroom.testsupport.OpenApiContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tenant's and an operator's view of Darkroom: plain HTTP against the gateway, as a client would call it. Every
 * response is checked against the OpenAPI document (status, headers, body) before a test sees it, so a test that
 * meets an undocumented status or field fails.
 */
final class Api {

    /** The operations the tests of this JVM called, as {@code "METHOD /template"}. */
    static final Set<String> CALLED = ConcurrentHashMap.newKeySet();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A response: status, headers of interest, body as JSON (or null). */
    record Response(int status, JsonNode body, HttpResponse<byte[]> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final String base;

    Api(String base) {
        this.base = base;
    }

    /** A tenant with quota overrides, and one API key for it. */
    record Tenant(String id, String key) {}

    Tenant aTenant(Object... overrides) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "e2e-" + System.nanoTime());
        for (int i = 0; i < overrides.length; i += 2) {
            body.put((String) overrides[i], overrides[i + 1]);
        }
        Response tenant = admin("POST", "/v1/admin/tenants", body);
        require(tenant, 201);
        String id = tenant.body().get("id").asString();
        Response key = admin("POST", "/v1/admin/tenants/" + id + "/keys", Map.of("name", "e2e"));
        require(key, 201);
        return new Tenant(id, key.body().get("key").asString());
    }

    Response admin(String method, String path, Object body) {
        return send(method, path, "Bearer " + Platform.ADMIN_TOKEN, body, Map.of());
    }

    Response submit(String key, Object body) {
        return send("POST", "/v1/jobs", "Bearer " + key, body, Map.of());
    }

    Response submit(String key, Object body, Map<String, String> headers) {
        return send("POST", "/v1/jobs", "Bearer " + key, body, headers);
    }

    Response get(String key, String path) {
        return send("GET", path, "Bearer " + key, null, Map.of());
    }

    Response post(String key, String path, Object body) {
        return send("POST", path, "Bearer " + key, body, Map.of());
    }

    /** Polls the job until it reaches one of the statuses. */
    JsonNode awaitStatus(String key, String jobId, Duration timeout, String... statuses) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await("job " + jobId + " in " + String.join("|", statuses))
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    Response r = get(key, "/v1/jobs/" + jobId);
                    last[0] = r.body();
                    return r.status() == 200
                            && java.util.Arrays.asList(statuses)
                                    .contains(r.body().get("status").asString());
                });
        return last[0];
    }

    Response send(String method, String path, String auth, Object body, Map<String, String> headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json");
            request.method(
                    method,
                    HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<byte[]> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            conforms(method, path, r);
            JsonNode json = r.body().length == 0 ? null : parse(r.body());
            return new Response(r.statusCode(), json, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Fails the test when the response is not what the document says this operation answers. */
    private static void conforms(String method, String path, HttpResponse<byte[]> r) {
        OpenApiContract contract = OpenApiContract.darkroom();
        List<String> violations =
                contract.violations(method, path, r.statusCode(), r.headers().map(), r.body());
        if (!violations.isEmpty()) {
            throw new AssertionError("the response breaks the OpenAPI document:\n  " + String.join("\n  ", violations)
                    + "\nbody: " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        CALLED.add(contract.operation(method, path));
    }

    static byte[] download(String url) {
        try {
            HttpResponse<byte[]> r =
                    HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " -> " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return JSON.getNodeFactory().stringNode(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static void require(Response r, int status) {
        if (r.status() != status) {
            throw new IllegalStateException("expected " + status + " but got " + r.status() + ": " + r.body());
        }
    }
}
