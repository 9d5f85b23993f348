package dev.darkroom.receiver;

import dev.darkroom.contracts.webhooks.WebhookTokens;
import dev.darkroom.falclient.FalClient;
import dev.darkroom.falclient.queue.FalSubmission;
import dev.darkroom.falclient.queue.SubmitOptions;
import dev.darkroom.receiver.support.FakeOrchestrator;
import dev.darkroom.receiver.support.ReceiverTestConfiguration;
import dev.darkroom.receiver.support.ResultTap;
import dev.darkroom.storage.ObjectContent;
import dev.darkroom.storage.ObjectStorage;
import dev.darkroom.testsupport.DarkroomInfra;
import dev.darkroom.testsupport.FalSimServer;
import dev.darkroom.testsupport.Infra;
import dev.darkroom.testsupport.MutableClock;
import dev.darkroom.testsupport.S3Server;
import io.micrometer.core.instrument.MeterRegistry;
import io.minio.ListObjectsArgs;
import io.minio.Result;
import io.minio.messages.Item;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The receiver against real RabbitMQ, a real S3 server and fal-sim; only the orchestrator is faked (a controller in
 * the receiver's own context, on a fixed port chosen up front so the orchestrator URL can name it).
 *
 * <p>Every class gets its own context and closes it: test-support empties the shared broker's queues for each new
 * context, and two live contexts would consume each other's results.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DarkroomInfra({Infra.RABBITMQ, Infra.S3, Infra.FAL_SIM})
@Import(ReceiverTestConfiguration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class ReceiverIntegrationTest {

    static final String TOKEN_SECRET = "test-only-webhook-token-secret";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED =
            Set.of("content-length", "host", "connection", "expect", "upgrade", "transfer-encoding");

    @Autowired
    FakeOrchestrator orchestrator;

    @Autowired
    FalClient fal;

    @Autowired
    ObjectStorage storage;

    @Autowired
    MutableClock clock;

    @Autowired
    ResultTap tap;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JsonMapper json;

    @Value("${darkroom.storage.bucket}")
    String bucket;

    @LocalServerPort
    int port;

    final WebhookTokens tokens = new WebhookTokens(TOKEN_SECRET);

    @DynamicPropertySource
    static void receiver(DynamicPropertyRegistry registry) {
        int port = freePort();
        registry.add("server.port", () -> port);
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("darkroom.orchestrator.url", () -> "http://127.0.0.1:" + port);
        registry.add("darkroom.orchestrator.internal-token", () -> FakeOrchestrator.INTERNAL_TOKEN);
        registry.add("darkroom.webhooks.token-secret", () -> TOKEN_SECRET);
        registry.add("darkroom.webhooks.fal-user-id", () -> "sim-user");
        registry.add("darkroom.fal.cdn-url", () -> FalSimServer.shared().cdnUrl());
        registry.add("darkroom.receiver.allowed-output-hosts", () -> "127.0.0.1");
        registry.add("darkroom.receiver.retry-backoff", () -> "50ms");
        registry.add("spring.rabbitmq.listener.simple.retry.initial-interval", () -> "100ms");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String webhookUrl(UUID jobId) {
        return "http://127.0.0.1:" + port + "/fal/webhooks/" + jobId + "?token="
                + tokens.token(jobId, Instant.now().plusSeconds(3600));
    }

    FalSubmission submit(String endpoint, ObjectNode input, String webhookUrl) {
        return fal.submit(
                endpoint, input, SubmitOptions.builder().webhookUrl(webhookUrl).build());
    }

    ObjectNode input(String prompt) {
        return json.createObjectNode().put("prompt", prompt);
    }

    HttpResponse<String> post(String url, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                request.header(name, value);
            }
        });
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode parse(String body) {
        return json.readTree(body);
    }

    byte[] stored(String key) {
        try (ObjectContent content = storage.open(key);
                InputStream in = content.body()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every object key under the job's prefix, straight from the S3 server. */
    List<String> objectsOf(UUID tenantId, UUID jobId) {
        List<String> keys = new ArrayList<>();
        try {
            for (Result<Item> item : S3Server.shared()
                    .client()
                    .listObjects(ListObjectsArgs.builder()
                            .bucket(bucket)
                            .prefix(tenantId + "/")
                            .recursive(true)
                            .build())) {
                String key = item.get().objectName();
                if (key.contains("/" + jobId + "/")) {
                    keys.add(key);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot list " + bucket, e);
        }
        return keys;
    }

    double ingestions(String outcome) {
        var timer = meters.find("darkroom.receiver.ingestions")
                .tag("outcome", outcome)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    double webhooks(String outcome) {
        var counter = meters.find("darkroom.receiver.webhooks")
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
