package dev.darkroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.darkroom.contracts.jobs.JobView;
import dev.darkroom.contracts.messages.Rejection;
import dev.darkroom.contracts.messages.RejectionCode;
import dev.darkroom.contracts.messages.SubmitJob;
import dev.darkroom.contracts.messages.SubmitJobReply;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.contracts.security.Sha256;
import dev.darkroom.testsupport.DarkroomInfra;
import dev.darkroom.testsupport.Infra;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway against real RabbitMQ. The orchestrator is another service: here a small HTTP stand-in answers key
 * lookups and echoes proxied requests, and a test listener plays admission.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "darkroom.gateway.submit-timeout=1500ms",
            "darkroom.gateway.internal-token=internal-secret",
            // the first lookup of a fresh context also loads the tracing instrumentation: room for it on a busy machine
            "darkroom.gateway.key-lookup-timeout=3s",
            // fal-sim (through test-support) puts Tomcat on the test classpath next to Netty: let the management
            // child context be Netty's, as in the shipped jar
            "spring.autoconfigure.exclude=org.springframework.boot.tomcat.autoconfigure.actuate.web.server"
                    + ".TomcatReactiveManagementContextAutoConfiguration"
        })
@DarkroomInfra(Infra.RABBITMQ)
class GatewayTest {

    static final String GOOD_KEY = "dr_live_good-key";
    /** A key whose lookup the orchestrator stand-in never answers (until the tests end). */
    static final String HANGING_KEY = "dr_live_hanging-key";

    static final CountDownLatch hangingLookupRelease = new CountDownLatch(1);
    static final UUID TENANT = UUID.randomUUID();
    static final UUID KEY_ID = UUID.randomUUID();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Map<String, String> lastProxiedHeaders = new ConcurrentHashMap<>();
    static final HttpServer orchestrator = orchestratorStandIn();
    static final java.util.concurrent.CountDownLatch slowAdmissionStarted = new java.util.concurrent.CountDownLatch(1);
    static final java.util.concurrent.CountDownLatch slowAdmissionRelease = new java.util.concurrent.CountDownLatch(1);

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void orchestratorUrl(DynamicPropertyRegistry registry) {
        registry.add(
                "darkroom.gateway.orchestrator-url",
                () -> "http://127.0.0.1:" + orchestrator.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        hangingLookupRelease.countDown();
        orchestrator.stop(0);
    }

    /** Admission as a test listener: the prompt says how to answer. */
    @TestConfiguration
    static class Admission {
        @Bean
        AdmissionStandIn admissionStandIn() {
            return new AdmissionStandIn();
        }
    }

    static class AdmissionStandIn {
        @RabbitListener(queues = Messaging.SUBMIT_JOB_QUEUE)
        SubmitJobReply admit(SubmitJob command) {
            String prompt = command.input().get("prompt").asString();
            if (prompt.equals("no reply")) {
                return null;
            }
            if (prompt.equals("slow admission")) {
                slowAdmissionStarted.countDown();
                try {
                    slowAdmissionRelease.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (prompt.equals("too fast")) {
                return SubmitJobReply.rejected(
                        new Rejection(RejectionCode.RATE_LIMITED, "slow down", 7L, Map.of()), null);
            }
            // what the gateway sent comes back in the metadata, for the tests to check
            JsonNode sent = JSON.createObjectNode()
                    .put("tenant", command.tenantId().toString())
                    .put("key", command.apiKeyId().toString())
                    .put("hash", String.valueOf(command.requestHash()))
                    .put("idempotency_key", String.valueOf(command.idempotencyKey()));
            return SubmitJobReply.admitted(new JobView(
                    command.jobId(),
                    "queued",
                    command.model(),
                    command.input(),
                    sent,
                    "0.025",
                    null,
                    command.requestedAt(),
                    command.requestedAt(),
                    Map.of(),
                    List.of(),
                    null,
                    null,
                    Map.of("self", "/v1/jobs/" + command.jobId())));
        }
    }

    @Test
    void aJobWithAValidKeyIsSubmittedAndTheReplyReturned() {
        Response r = post(
                "/v1/jobs", GOOD_KEY, "{\"model\":\"flux-dev\",\"input\":{\"prompt\":\"p\",\"aspect_ratio\":\"4:3\"}}");

        assertThat(r.status).isEqualTo(201);
        assertThat(r.body.get("metadata").get("tenant").asString()).isEqualTo(TENANT.toString());
        assertThat(r.body.get("metadata").get("key").asString()).isEqualTo(KEY_ID.toString());
        assertThat(r.body.get("input").get("num_images").asInt()).isEqualTo(1);
        assertThat(r.header("Location"))
                .isEqualTo("/v1/jobs/" + r.body.get("id").asString());
    }

    @Test
    void theIdempotencyKeyAndABodyHashTravelWithTheCommand() throws Exception {
        HttpResponse<String> r = HTTP.send(
                request("/v1/jobs", GOOD_KEY)
                        .header("Idempotency-Key", "order-7")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"model\":\"flux-dev\",\"input\":{\"prompt\":\"p\"}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("metadata").get("idempotency_key").asString()).isEqualTo("order-7");
        assertThat(body.get("metadata").get("hash").asString()).hasSize(64);
    }

    @Test
    void aDuplicateWhileTheFirstIsBeingAdmittedGets409() throws Exception {
        String body = "{\"model\":\"flux-dev\",\"input\":{\"prompt\":\"slow admission\"}}";
        HttpRequest request = request("/v1/jobs", GOOD_KEY)
                .header("Idempotency-Key", "dup-1")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        var first = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        assertThat(slowAdmissionStarted.await(10, java.util.concurrent.TimeUnit.SECONDS))
                .isTrue();

        HttpResponse<String> duplicate = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        slowAdmissionRelease.countDown();

        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(duplicate.body()).get("code").asString()).isEqualTo("idempotency_key_in_use");
        assertThat(first.get().statusCode()).isEqualTo(201);
    }

    @Test
    void noAdmissionReplyInTimeAnswers202Accepted() {
        Response r = post("/v1/jobs", GOOD_KEY, "{\"model\":\"flux-dev\",\"input\":{\"prompt\":\"no reply\"}}");

        assertThat(r.status).isEqualTo(202);
        assertThat(r.body.get("status").asString()).isEqualTo("accepted");
        assertThat(r.body.get("estimated_cost_usd").asString()).isEqualTo("0.025");
    }

    @Test
    void anAdmissionRejectionBecomesAProblemWithRetryAfter() {
        Response r = post("/v1/jobs", GOOD_KEY, "{\"model\":\"flux-dev\",\"input\":{\"prompt\":\"too fast\"}}");

        assertThat(r.status).isEqualTo(429);
        assertThat(r.body.get("code").asString()).isEqualTo("rate_limited");
        assertThat(r.header("Retry-After")).isEqualTo("7");
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aMissingOrUnknownKeyGets401() {
        assertThat(post("/v1/jobs", null, "{}").status).isEqualTo(401);
        Response unknown = post("/v1/jobs", "dr_live_unknown", "{\"model\":\"flux-dev\",\"input\":{\"prompt\":\"p\"}}");
        assertThat(unknown.status).isEqualTo(401);
        assertThat(unknown.body.get("code").asString()).isEqualTo("invalid_api_key");
    }

    @Test
    void aKeyLookupTheOrchestratorDoesNotAnswerGets503InsteadOfHanging() {
        Response r = send(request("/v1/jobs", HANGING_KEY)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"flux-dev\",\"input\":{\"prompt\":\"p\"}}")));

        assertThat(r.status).isEqualTo(503);
        assertThat(r.body.get("code").asString()).isEqualTo("unavailable");
    }

    @Test
    void anUnknownModelGets400() {
        Response r = post("/v1/jobs", GOOD_KEY, "{\"model\":\"dalle\",\"input\":{\"prompt\":\"p\"}}");

        assertThat(r.status).isEqualTo(400);
        assertThat(r.body.get("code").asString()).isEqualTo("unknown_model");
    }

    @Test
    void aBadInputGets422NamingEachField() {
        Response r = post(
                "/v1/jobs",
                GOOD_KEY,
                "{\"model\":\"flux-dev\",\"input\":{\"num_images\":\"2\",\"guidance_scale\":50}}");

        assertThat(r.status).isEqualTo(422);
        assertThat(r.body.get("code").asString()).isEqualTo("invalid_input");
        assertThat(r.body.get("errors").toString())
                .contains(
                        "input.prompt",
                        "required",
                        "input.num_images",
                        "invalid_type",
                        "input.guidance_scale",
                        "out_of_range");
    }

    @Test
    void malformedJsonGets400() {
        Response r = post("/v1/jobs", GOOD_KEY, "{\"model\":");

        assertThat(r.status).isEqualTo(400);
        assertThat(r.body.get("code").asString()).isEqualTo("malformed_json");
    }

    @Test
    void clientSentInternalHeadersAreStrippedBeforeTheOrchestrator() throws Exception {
        HttpResponse<String> r = HTTP.send(
                request("/v1/jobs/" + UUID.randomUUID(), GOOD_KEY)
                        .header("X-Darkroom-Tenant-Id", UUID.randomUUID().toString())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(lastProxiedHeaders.get("x-darkroom-tenant-id")).isEqualTo(TENANT.toString());
        assertThat(lastProxiedHeaders.get("x-darkroom-internal-token")).isEqualTo("internal-secret");
    }

    @Test
    void theActuatorAnswersOnTheManagementPortOnly() throws Exception {
        assertThat(get("/actuator/health").status).isEqualTo(404);
        assertThat(get("/actuator/prometheus").status).isEqualTo(404);
        HttpResponse<String> health = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    void theCatalogIsPublic() {
        Response all = get("/v1/models");
        assertThat(all.status).isEqualTo(200);
        assertThat(all.body.get("data")).hasSize(10);
        Response flux = get("/v1/models/flux-dev");
        assertThat(flux.body.get("pricing").get("price_usd").asString()).isEqualTo("0.025");
        assertThat(flux.body.get("input_schema").get("properties").has("aspect_ratio"))
                .isTrue();
        Response missing = get("/v1/models/nope");
        assertThat(missing.status).isEqualTo(404);
        assertThat(missing.body.get("code").asString()).isEqualTo("unknown_model");
    }

    @Test
    void anEstimatePricesAnInputWithoutAJob() {
        Response r = post(
                "/v1/estimate",
                GOOD_KEY,
                "{\"model\":\"flux-dev\",\"input\":{\"prompt\":\"p\",\"width\":1200,\"height\":1000}}");

        assertThat(r.status).isEqualTo(200);
        assertThat(r.body.get("estimated_cost_usd").asString()).isEqualTo("0.05");
        assertThat(r.body.get("unit").asString()).isEqualTo("megapixel");
        assertThat(r.body.get("outputs").get("width").asInt()).isEqualTo(1200);
    }

    @Test
    void anUnknownPathIsAProblemToo() {
        Response r = get("/nowhere");

        assertThat(r.status).isEqualTo(404);
        assertThat(r.body.get("code").asString()).isEqualTo("not_found");
    }

    @Test
    void aPathTheKeyCheckAndTheRouterCouldReadDifferentlyIsRefused() {
        for (String path : List.of("/v1/admin;x/tenants", "/v1/models/../jobs", "/v1/%6Aobs", "/v1//jobs")) {
            Response r = get(path);

            assertThat(r.status).as(path).isEqualTo(400);
            assertThat(r.body.get("code").asString()).as(path).isEqualTo("malformed_request");
        }
    }

    record Response(int status, JsonNode body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private Response post(String path, String key, String body) {
        return send(request(path, key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Response get(String path) {
        return send(request(path, null).GET());
    }

    private HttpRequest.Builder request(String path, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return b;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpServer orchestratorStandIn() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            String goodHash = Sha256.hex(GOOD_KEY);
            String hangingHash = Sha256.hex(HANGING_KEY);
            server.createContext("/internal/api-keys/", exchange -> {
                String hash = exchange.getRequestURI().getPath().substring("/internal/api-keys/".length());
                if (hash.equals(hangingHash)) {
                    awaitQuietly(hangingLookupRelease);
                }
                byte[] body = hash.equals(goodHash)
                        ? ("{\"tenant_id\":\"" + TENANT + "\",\"key_id\":\"" + KEY_ID + "\",\"expires_at\":null}")
                                .getBytes(StandardCharsets.UTF_8)
                        : "{\"code\":\"unknown_api_key\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(hash.equals(goodHash) ? 200 : 404, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/v1/", exchange -> {
                exchange.getRequestHeaders().forEach((k, v) -> lastProxiedHeaders.put(k.toLowerCase(), v.get(0)));
                byte[] body = "{\"proxied\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            // a hanging lookup must not hold up the other requests
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
