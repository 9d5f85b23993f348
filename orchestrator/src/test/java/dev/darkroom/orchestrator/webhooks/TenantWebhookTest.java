package dev.darkroom.orchestrator.webhooks;

import static dev.darkroom.orchestrator.OrchestratorTestSupport.aFluxJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import dev.darkroom.contracts.messages.JobCompleted;
import dev.darkroom.contracts.messages.JobSubmitted;
import dev.darkroom.contracts.messages.StoredOutput;
import dev.darkroom.contracts.messages.SubmitJob;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.orchestrator.OrchestratorIntegrationTest;
import dev.darkroom.orchestrator.OrchestratorTestSupport;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Tenant webhooks: signed per Standard Webhooks, retried until the endpoint takes them. */
@OrchestratorIntegrationTest
@TestPropertySource(
        properties = {
            "darkroom.webhooks.interval=200ms",
            "darkroom.webhooks.backoff=300ms,300ms",
            // the tenant's endpoint below listens on loopback, which only an operator allow-list permits
            "darkroom.webhooks.allowed-hosts=127.0.0.1"
        })
class TenantWebhookTest {

    record Delivery(Map<String, List<String>> headers, String body) {}

    static final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    static final AtomicInteger failuresToGo = new AtomicInteger(1);
    /** webhook-ids posted to {@code /takeover}, and what that endpoint does on each. */
    static final List<String> takeoverPosts = new CopyOnWriteArrayList<>();

    static volatile Consumer<String> onTakeoverPost = id -> {};
    static final HttpServer endpoint = endpoint();

    @Autowired
    OrchestratorTestSupport support;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    WebhookDeliveries deliveryRows;

    @AfterAll
    static void stop() {
        endpoint.stop(0);
    }

    @Test
    void aSucceededJobIsAnnouncedSignedAndRetriedUntilTheEndpointTakesIt() throws Exception {
        String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hooks";
        UUID tenant = support.aTenant().withWebhookUrl(url).create();
        String secret = support.admin("GET", "/v1/admin/tenants/" + tenant, null)
                .get("webhook_secret")
                .asString();
        SubmitJob job = aFluxJob(tenant, "{\"prompt\":\"p\",\"aspect_ratio\":\"1:1\"}");
        assertThat(support.submit(job).rejection()).isNull();

        rabbit.convertAndSend(
                Messaging.EVENTS_EXCHANGE,
                Messaging.JOB_SUBMITTED,
                new JobSubmitted(
                        job.jobId(),
                        "req-" + job.jobId(),
                        "http://fal/s",
                        "http://fal/r",
                        "http://fal/c",
                        Instant.now()));
        rabbit.convertAndSend(
                Messaging.EVENTS_EXCHANGE,
                Messaging.JOB_COMPLETED,
                new JobCompleted(
                        job.jobId(),
                        "req-" + job.jobId(),
                        List.of(new StoredOutput(0, tenant + "/x/0.jpg", "image/jpeg", 10, "ab", 1024, 1024, null)),
                        Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.size() >= 2);
        Delivery delivery = deliveries.get(1);
        // throws when the signature does not match the secret shown in the tenant's admin view
        new Webhook(secret).verify(delivery.body(), delivery.headers());
        JsonNode payload =
                tools.jackson.databind.json.JsonMapper.builder().build().readTree(delivery.body());
        assertThat(payload.get("type").asString()).isEqualTo("job.succeeded");
        assertThat(payload.get("data").get("id").asString())
                .isEqualTo(job.jobId().toString());
        assertThat(payload.get("data").get("cost_usd").asString()).isEqualTo("0.025");
        assertThat(deliveries.get(0).headers().get("webhook-id"))
                .isEqualTo(delivery.headers().get("webhook-id"));
    }

    @Test
    void aDeliveryAnotherSenderLeasedWhileEarlierOnesWerePostedIsNotPostedAgain() {
        UUID tenant = support.aTenant()
                .withWebhookUrl("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/takeover")
                .create();
        UUID one = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        AtomicReference<String> first = new AtomicReference<>();
        onTakeoverPost = posted -> {
            onTakeoverPost = id -> {};
            first.set(posted);
            UUID notYetPosted = posted.equals(one.toString()) ? other : one;
            // the round's lease on the delivery it has not posted yet ran out, and another sender leased it
            Instant leased = jdbc.sql("select next_attempt_at from tenant_webhook_delivery where id = ?")
                    .param(notYetPosted)
                    .query(Timestamp.class)
                    .single()
                    .toInstant();
            deliveryRows.renewLease(
                    new WebhookDeliveries.Due(notYetPosted, null, null, null, 0, leased),
                    leased.plus(Duration.ofHours(1)));
            // only a later round leases this one, so its arrival means the round that posted the first is over
            deliveriesDue(tenant, later);
        };

        deliveriesDue(tenant, one, other);

        await().atMost(Duration.ofSeconds(30)).until(() -> takeoverPosts.contains(later.toString()));
        assertThat(takeoverPosts).containsExactly(first.get(), later.toString());
    }

    /** Deliveries due now, committed together so that one round leases them all. */
    private void deliveriesDue(UUID tenant, UUID... ids) {
        tx.executeWithoutResult(s -> {
            for (UUID id : ids) {
                jdbc.sql("""
                                insert into tenant_webhook_delivery (id, tenant_id, event_type, payload, next_attempt_at,
                                                                     created_at)
                                values (?, ?, 'test.ping', '{}', ?, ?)
                                """)
                        .params(
                                id,
                                tenant,
                                Timestamp.from(support.clock().instant().minusSeconds(1)),
                                Timestamp.from(support.clock().instant()))
                        .update();
            }
        });
    }

    /** A tenant's endpoint that refuses its first delivery, and one that records and reacts at {@code /takeover}. */
    private static HttpServer endpoint() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hooks", exchange -> {
                Map<String, List<String>> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v));
                deliveries.add(new Delivery(
                        headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(failuresToGo.getAndDecrement() > 0 ? 500 : 204, -1);
                exchange.close();
            });
            server.createContext("/takeover", exchange -> {
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                takeoverPosts.add(id);
                onTakeoverPost.accept(id);
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
