package dev.darkroom.falclient.support;

import dev.darkroom.falsim.FalSimApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** fal-sim running in this JVM on a free port, and its {@code /_sim} admin API. */
public final class Sim implements AutoCloseable {

    /** fal-sim's default key. */
    public static final String KEY = "darkroom-sim:local-secret";
    /** A key whose account fal-sim reports as locked. */
    public static final String LOCKED_KEY = "locked-id:locked-secret";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext context;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    public Sim() {
        context = FalSimApplication.start(Map.of(
                "server.address", "127.0.0.1",
                "fal-sim.auth.locked-keys", LOCKED_KEY,
                "logging.level.dev.darkroom.falsim", "WARN"));
        baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Forgets every request and restores the configured (no) faults. */
    public void reset() {
        send("POST", "/_sim/reset", null);
    }

    /** Replaces the fault settings: the given ones on top of the configured (fault-free) start state. */
    public void faults(Map<String, Object> settings) {
        send("PUT", "/_sim/faults", JSON.writeValueAsString(settings));
    }

    /** No faults. */
    public void noFaults() {
        faults(Map.of());
    }

    /** Signs with a new key from now on; {@code keepOld=false} also unpublishes the old one. */
    public void rotateKeys(boolean keepOld) {
        send("POST", "/_sim/keys/rotate?keep_old=" + keepOld, null);
    }

    /** What the simulator recorded about one request. */
    public JsonNode request(String requestId) {
        return JSON.readTree(send("GET", "/_sim/requests/" + requestId, null));
    }

    /** Every request the simulator holds, newest first. */
    public JsonNode requests() {
        return JSON.readTree(send("GET", "/_sim/requests", null));
    }

    /** A plain GET (e.g. a CDN file). */
    public byte[] download(String url) {
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            var response = http.send(request.build(), BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
