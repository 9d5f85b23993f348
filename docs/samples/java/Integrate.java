// Darkroom from Java 17: submit a job with an Idempotency-Key, receive its webhook, verify the signature with the
// Standard Webhooks library, and read the finished job. CI runs it against a running platform
// (IntegratingSamplesEndToEndTest); see docs/integrating.md. A single-file program:
//
//   java -cp standardwebhooks-1.2.0.jar:jackson-databind-3.x.jar:jackson-core-3.x.jar:jackson-annotations-2.x.jar \
//        Integrate.java
//
// with DARKROOM_URL, DARKROOM_API_KEY, DARKROOM_WEBHOOK_SECRET and WEBHOOK_PORT set (as for the Node sample).
// Maven coordinates: com.standardwebhooks:standardwebhooks:1.2.0, tools.jackson.core:jackson-databind.

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

public class Integrate {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String BASE = required("DARKROOM_URL");
    static final String API_KEY = required("DARKROOM_API_KEY");

    public static void main(String[] args) throws Exception {
        Webhook webhook = new Webhook(required("DARKROOM_WEBHOOK_SECRET"));
        int port = Integer.parseInt(required("WEBHOOK_PORT"));

        // 1. A webhook receiver: verify against the raw body, answer 2xx quickly, act on the event afterwards.
        ConcurrentLinkedQueue<JsonNode> events = new ConcurrentLinkedQueue<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/darkroom", exchange -> {
            String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status;
            try {
                webhook.verify(raw, exchange.getRequestHeaders()); // a bad signature or a stale timestamp throws
                events.add(JSON.readTree(raw));
                status = 204;
            } catch (WebhookVerificationException e) {
                status = 400; // not from Darkroom: refuse it
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();

        // 2. Submit with an Idempotency-Key: resending after a timeout or a 5xx returns the same job.
        String job = "{\"model\":\"flux-dev\",\"input\":{\"prompt\":\"a lighthouse at dusk, oil painting\","
                + "\"aspect_ratio\":\"4:3\"}}";
        String idempotencyKey = UUID.randomUUID().toString();
        JsonNode first = withRetries(() -> call("POST", "/v1/jobs", job, idempotencyKey));
        JsonNode again = withRetries(() -> call("POST", "/v1/jobs", job, idempotencyKey));
        String id = first.get("id").asString();
        check(id.equals(again.get("id").asString()), "the retried submit returned the same job");
        System.out.printf("job %s: %s%n", id, first.get("status").asString());

        // 3. Wait for the webhook announcing the end of the job (a real integration also polls as a fallback).
        Instant deadline = Instant.now().plusSeconds(120);
        JsonNode ended = null;
        while (ended == null) {
            check(Instant.now().isBefore(deadline), "the webhook arrived in time");
            ended = events.stream()
                    .filter(e -> e.path("type").asString().equals("job.succeeded"))
                    .filter(e -> e.path("data").path("id").asString().equals(id))
                    .findFirst()
                    .orElse(null);
            Thread.sleep(200);
        }
        System.out.println("webhook job.succeeded verified");

        // 4. A forged delivery is refused.
        HttpResponse<Void> forged = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/darkroom"))
                        .header("webhook-id", "msg_forged")
                        .header("webhook-timestamp", String.valueOf(Instant.now().getEpochSecond()))
                        .header("webhook-signature", "v1,AAAA")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"job.succeeded\"}"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        check(forged.statusCode() == 400, "a forged webhook is refused");

        // 5. The finished job: its real cost and its outputs.
        JsonNode done = call("GET", "/v1/jobs/" + id, null, null);
        check(done.get("status").asString().equals("succeeded"), "the job succeeded");
        System.out.printf("cost %s USD, %d output(s)%n", done.get("cost_usd").asString(), done.get("outputs").size());

        server.stop(0);
        System.out.println("java sample ok");
    }

    /** A failed call: its status, the problem's {@code code}, and how long to wait before retrying. */
    static final class ApiException extends Exception {
        final int status;
        final long retryAfterSeconds;

        ApiException(int status, String code, long retryAfterSeconds) {
            super(status + " " + code);
            this.status = status;
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    static JsonNode call(String method, String path, String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + API_KEY)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = JSON.readTree(response.body());
        if (response.statusCode() >= 400) {
            long retryAfter = response.headers().firstValueAsLong("Retry-After").orElse(1);
            throw new ApiException(response.statusCode(), json.path("code").asString(), retryAfter);
        }
        return json;
    }

    interface Call {
        JsonNode run() throws Exception;
    }

    /** Retries what is worth retrying: 429 after its Retry-After, 5xx and network errors with backoff. */
    static JsonNode withRetries(Call call) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            } catch (ApiException e) {
                if ((e.status != 429 && e.status < 500) || attempt == 5) {
                    throw e;
                }
                Thread.sleep(e.status == 429 ? e.retryAfterSeconds * 1000 : (1L << attempt) * 250);
            } catch (java.io.IOException e) {
                if (attempt == 5) {
                    throw e;
                }
                Thread.sleep((1L << attempt) * 250);
            }
        }
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("failed: " + what);
        }
    }

    static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }
}
