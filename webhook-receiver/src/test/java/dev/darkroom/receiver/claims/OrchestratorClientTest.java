package dev.darkroom.receiver.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The claim client against an HTTP server answering what the orchestrator can answer. */
class OrchestratorClientTest {

    private final UUID jobId = UUID.randomUUID();
    private final AtomicReference<Integer> status = new AtomicReference<>();
    private final AtomicReference<String> answer = new AtomicReference<>();
    private final AtomicReference<String> seenBody = new AtomicReference<>();
    private final AtomicReference<String> seenToken = new AtomicReference<>();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/orchestrator/internal/jobs/", exchange -> {
            try (exchange) {
                seenBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                seenToken.set(exchange.getRequestHeaders().getFirst("X-Darkroom-Internal-Token"));
                byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status.get(), body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aGrantedClaimCarriesWhatStoringTheOutputsNeeds() {
        UUID tenantId = UUID.randomUUID();
        answer(
                200,
                "{\"job_id\":\"" + jobId + "\",\"tenant_id\":\"" + tenantId + "\",\"created_at\":"
                        + "\"2026-03-15T10:00:00Z\",\"model\":\"flux-dev\",\"fal_request_id\":\"r1\","
                        + "\"fal_response_url\":\"https://queue.fal.run/fal-ai/flux/requests/r1\","
                        + "\"nsfw_policy\":\"deliver\"}");

        Claim claim = client("secret").claim(jobId, "r1").orElseThrow();

        assertThat(claim)
                .isEqualTo(new Claim(
                        jobId,
                        tenantId,
                        Instant.parse("2026-03-15T10:00:00Z"),
                        "flux-dev",
                        "r1",
                        "https://queue.fal.run/fal-ai/flux/requests/r1",
                        "deliver",
                        null));
        assertThat(seenBody.get()).isEqualTo("{\"fal_request_id\":\"r1\"}");
        assertThat(seenToken.get()).isEqualTo("secret");
    }

    @Test
    void aFinishedJobOrAnotherRequestMeansDrop() {
        answer(409, "{\"code\":\"job_finished\",\"status\":409}");
        assertThat(client("secret").claim(jobId, "r1")).isEmpty();
        assertThat(seenToken.get()).isEqualTo("secret");

        answer(409, "{\"code\":\"other_fal_request\",\"status\":409}");
        assertThat(client("secret").claim(jobId, "r1")).isEmpty();
    }

    @Test
    void anUnknownJobMeansDrop() {
        answer(404, "{\"code\":\"job_not_found\",\"status\":404}");

        assertThat(client("secret").claim(jobId, "r1")).isEmpty();
    }

    @Test
    void aNotFoundFromSomethingThatIsNotTheClaimApiIsNotTakenForAnUnknownJob() {
        answer(404, "{\"code\":\"not_found\",\"status\":404}");

        assertThatThrownBy(() -> client("secret").claim(jobId, "r1"))
                .isInstanceOf(OrchestratorUnavailableException.class)
                .hasMessage("claiming job " + jobId + " answered 404 not_found");
    }

    @Test
    void aServerErrorIsTransient() {
        answer(503, "{\"code\":\"unavailable\"}");

        assertThatThrownBy(() -> client("secret").claim(jobId, "r1"))
                .isInstanceOf(OrchestratorUnavailableException.class);
    }

    @Test
    void anOrchestratorThatCannotBeReachedIsTransient() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        OrchestratorClient unreachable = new OrchestratorClient(
                new OrchestratorProperties(
                        URI.create("http://127.0.0.1:" + closedPort),
                        "secret",
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1)),
                JsonMapper.builder().build());

        assertThatThrownBy(() -> unreachable.claim(jobId, "r1"))
                .isInstanceOf(OrchestratorUnavailableException.class)
                .hasMessageStartingWith("cannot reach the orchestrator");
    }

    @Test
    void aReceiverWithoutItsCredentialDoesNotStart() {
        URI url = URI.create("http://127.0.0.1:1/");
        for (String missing : new String[] {null, " "}) {
            assertThatThrownBy(() ->
                            new OrchestratorProperties(url, missing, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("DARKROOM_RECEIVER_TOKEN");
        }
    }

    private void answer(int code, String body) {
        status.set(code);
        answer.set(body);
    }

    private OrchestratorClient client(String token) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/orchestrator/");
        return new OrchestratorClient(
                new OrchestratorProperties(url, token, Duration.ofSeconds(2), Duration.ofSeconds(5)),
                JsonMapper.builder().build());
    }
}
