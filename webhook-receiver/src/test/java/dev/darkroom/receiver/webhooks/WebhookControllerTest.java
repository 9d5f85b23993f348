package dev.darkroom.receiver.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import dev.darkroom.contracts.webhooks.WebhookTokens;
import dev.darkroom.falclient.FalClientConfig;
import dev.darkroom.falclient.webhooks.FalWebhookVerifier;
import dev.darkroom.support.amqp.ConfirmedPublisher;
import dev.darkroom.support.problems.MvcProblemAdvice;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * The endpoint's refusals that need a webhook signed by a key of the test's own (fal-sim's key cannot sign a
 * malformed body): a JWKS server on loopback publishes it. The broker is a port nothing listens on, so recording
 * fails for real.
 */
class WebhookControllerTest {

    private static final String SECRET = "test-only-webhook-token-secret";

    private final UUID jobId = UUID.randomUUID();
    private final WebhookTokens tokens = new WebhookTokens(SECRET);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private KeyPair key;
    private HttpServer jwks;
    private CachingConnectionFactory deadBroker;
    private MockMvc mvc;

    @BeforeEach
    void start() throws Exception {
        key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwks.createContext("/jwks.json", exchange -> {
            byte[] body = jwksOf(key).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        jwks.start();
        mvc = mvcWithJwksAt("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json");
    }

    @AfterEach
    void stop() {
        jwks.stop(0);
        deadBroker.destroy();
    }

    @Test
    void aWebhookValidlySignedByFalButForAnotherFalAccountIsRefusedWith401AndNotRecorded() throws Exception {
        deliver(
                        "r1",
                        body("r1"),
                        "someone-else",
                        tokens.token(jobId, Instant.now().plusSeconds(3600)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("invalid_webhook_user"));
        assertThat(count("other_fal_user")).isEqualTo(1);
        // the dead broker was never asked: nothing was recorded
        assertThat(meters.find("darkroom.receiver.webhooks")
                        .tag("outcome", "broker_unavailable")
                        .counter())
                .isNull();
    }

    @Test
    void aWebhookWithAnExpiredTokenIsRefusedWith401() throws Exception {
        deliver("r1", body("r1"), "user-1", tokens.token(jobId, Instant.now().minusSeconds(1)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("invalid_webhook_token"));
        assertThat(count("invalid_token")).isEqualTo(1);
    }

    @Test
    void aSignedBodyThatIsNotJsonIsRefusedWith400() throws Exception {
        deliver("r1", "not json".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("malformed_webhook"));
        assertThat(count("malformed")).isEqualTo(1);
    }

    @Test
    void aBodyWhoseRequestIdDiffersFromTheSignedOneIsRefusedWith400() throws Exception {
        deliver("r1", body("r2"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("malformed_webhook"))
                .andExpect(jsonPath("$.detail").value("The body's request_id differs from the signed request id."));
    }

    @Test
    void aWebhookTheBrokerDoesNotTakeIsAnswered503SoFalDeliversItAgain() throws Exception {
        deliver("r1", body("r1"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("broker_unavailable"));
        assertThat(count("broker_unavailable")).isEqualTo(1);
    }

    @Test
    void aWebhookArrivingWhileFalsKeysCannotBeFetchedIsAnswered503() throws Exception {
        mvc = mvcWithJwksAt("http://127.0.0.1:" + closedPort() + "/jwks.json");

        deliver("r1", body("r1"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("webhook_keys_unavailable"));
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWith413() throws Exception {
        byte[] big = new byte[2048];
        Arrays.fill(big, (byte) ' ');

        deliver("r1", big)
                .andExpect(status().is(413))
                .andExpect(jsonPath("$.code").value("webhook_too_large"));
    }

    private ResultActions deliver(String signedRequestId, byte[] body) throws Exception {
        return deliver(
                signedRequestId,
                body,
                "user-1",
                tokens.token(jobId, Instant.now().plusSeconds(3600)));
    }

    private ResultActions deliver(String signedRequestId, byte[] body, String userId, String token) throws Exception {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        return mvc.perform(post("/fal/webhooks/{jobId}", jobId)
                .queryParam("token", token)
                .contentType("application/json")
                .content(body)
                .header("X-Fal-Webhook-Request-Id", signedRequestId)
                .header("X-Fal-Webhook-User-Id", userId)
                .header("X-Fal-Webhook-Timestamp", timestamp)
                .header("X-Fal-Webhook-Signature", sign(signedRequestId, userId, timestamp, body)));
    }

    private MockMvc mvcWithJwksAt(String jwksUrl) throws IOException {
        if (deadBroker != null) {
            deadBroker.destroy();
        }
        deadBroker = new CachingConnectionFactory("127.0.0.1", closedPort());
        RabbitTemplate template = new RabbitTemplate(deadBroker);
        template.setMessageConverter(new JacksonJsonMessageConverter("dev.darkroom.contracts.messages"));
        FalWebhookVerifier verifier = new FalWebhookVerifier(
                FalClientConfig.builder().jwksUrl(jwksUrl).build());
        WebhookController controller = new WebhookController(
                tokens,
                verifier,
                new ConfirmedPublisher(template, Duration.ofSeconds(2)),
                new RecentWebhooks(100),
                JsonMapper.builder().build(),
                Clock.systemUTC(),
                meters,
                new WebhookProperties(SECRET, DataSize.ofKilobytes(1), 100, "user-1"));
        return MockMvcBuilders.standaloneSetup(controller)
                .setControllerAdvice(new MvcProblemAdvice())
                .build();
    }

    private double count(String outcome) {
        return meters.get("darkroom.receiver.webhooks")
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    private static byte[] body(String requestId) {
        return ("{\"request_id\":\"" + requestId + "\",\"status\":\"OK\",\"payload\":{\"images\":[]}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private String sign(String requestId, String userId, String timestamp, byte[] body) throws Exception {
        String message = String.join(
                "\n",
                requestId,
                userId,
                timestamp,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key.getPrivate());
        signer.update(message.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(signer.sign());
    }

    /** A JWKS with the key's raw 32 bytes, the tail of its X.509 encoding. */
    private static String jwksOf(KeyPair key) {
        byte[] encoded = key.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        String x = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        return "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x + "\",\"kid\":\"test\"}]}";
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
