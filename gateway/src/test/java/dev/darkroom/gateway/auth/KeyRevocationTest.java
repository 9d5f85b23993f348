package dev.darkroom.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.darkroom.gateway.GatewayProperties;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

/** Two gateway replicas' key caches against one orchestrator stand-in, with the default refresh of 500 ms. */
class KeyRevocationTest {

    private static final Logger log = LoggerFactory.getLogger(KeyRevocationTest.class);

    private static final String KEY = "dr_live_revocable";

    private final AtomicBoolean revoked = new AtomicBoolean();
    private final UUID tenantId = UUID.randomUUID();
    private final UUID keyId = UUID.randomUUID();
    private HttpServer orchestrator;

    @BeforeEach
    void start() throws IOException {
        orchestrator = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        orchestrator.createContext("/internal/api-keys/", exchange -> {
            byte[] body = revoked.get()
                    ? "{\"code\":\"unknown_api_key\"}".getBytes(StandardCharsets.UTF_8)
                    : ("{\"tenant_id\":\"" + tenantId + "\",\"key_id\":\"" + keyId + "\",\"expires_at\":null}")
                            .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(revoked.get() ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        orchestrator.start();
    }

    @AfterEach
    void stop() {
        orchestrator.stop(0);
    }

    @Test
    void aRevokedKeyIsRefusedWithinOneSecondByEveryGatewayReplica() {
        List<KeyResolver> replicas = List.of(replica(), replica());
        replicas.forEach(r -> assertThat(r.resolve(KEY).block()).isPresent());

        revoked.set(true);
        long revokedAt = System.nanoTime();

        // the cache holds an answer for 500 ms; the margin is for a loaded machine, the log line says what it took
        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(20))
                .until(() ->
                        replicas.stream().allMatch(r -> r.resolve(KEY).block().isEmpty()));
        log.info(
                "revoked key refused by both replicas {} ms after the revocation",
                Duration.ofNanos(System.nanoTime() - revokedAt).toMillis());
    }

    @Test
    void whileTheOrchestratorIsDownAKeyKeepsItsLastGoodAnswer() {
        KeyResolver replica = replica();
        assertThat(replica.resolve(KEY).block()).isPresent();

        orchestrator.stop(0);

        // past the 500 ms the fresh answer lasts, so the lookups fail and the last good answer is what works
        await().pollDelay(Duration.ofMillis(600))
                .atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(replica.resolve(KEY).block())
                        .map(ResolvedKey::keyId)
                        .isEqualTo(Optional.of(keyId)));
    }

    private KeyResolver replica() {
        GatewayProperties properties = new GatewayProperties(
                "http://127.0.0.1:" + orchestrator.getAddress().getPort(),
                null,
                Duration.ofSeconds(5),
                Duration.ofMillis(500),
                Duration.ofMinutes(10),
                Duration.ofSeconds(5),
                // generous: the first lookup of a JVM starts Netty, which takes a while on a loaded machine
                Duration.ofSeconds(10),
                DataSize.ofKilobytes(256));
        return new KeyResolver(properties, WebClient.builder());
    }
}
