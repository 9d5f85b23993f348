package dev.darkroom.orchestrator.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import dev.darkroom.contracts.messages.SubmitJob;
import dev.darkroom.orchestrator.OrchestratorTestSupport;
import dev.darkroom.testsupport.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Delivery: signed, retried, filtered, replayed, recovered, and isolated from a slow neighbour. */
@WebhookTest
class TenantWebhookTest {

    static final WebhookReceiver receiver = new WebhookReceiver();

    @LocalServerPort
    int port;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    OrchestratorTestSupport support;

    @Autowired
    JdbcClient jdbc;

    WebhookCalls calls;

    @BeforeEach
    void calls() {
        calls = new WebhookCalls(support, rabbit, jdbc);
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @Test
    void aSucceededJobIsAnnouncedSignedRetriedAndEveryAttemptIsListed() throws Exception {
        AtomicInteger failuresToGo = new AtomicInteger(1);
        receiver.answer("/retry", () -> failuresToGo.getAndDecrement() > 0 ? 500 : 204);
        UUID tenant = calls.support.aTenant().create();
        JsonNode endpoint =
                calls.anEndpoint(tenant, "url", receiver.url("/retry"), "event_types", List.of("job.succeeded"));
        SubmitJob job = calls.aSucceededJob(tenant);

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at("/retry").size() >= 2);
        WebhookReceiver.Received delivery = receiver.at("/retry").get(1);
        // throws when the signature does not match the secret shown when the endpoint was made
        new Webhook(endpoint.get("secret").asString()).verify(delivery.body(), delivery.headers());
        JsonNode payload = WebhookCalls.json(delivery.body());
        assertThat(payload.get("type").asString()).isEqualTo("job.succeeded");
        assertThat(payload.get("data").get("id").asString())
                .isEqualTo(job.jobId().toString());
        assertThat(payload.get("data").get("cost_usd").asString()).isEqualTo("0.025");
        String outputUrl = payload.get("data").get("outputs").get(0).get("url").asString();
        assertThat(outputUrl).isEqualTo("http://127.0.0.1:8080/v1/jobs/" + job.jobId() + "/outputs/0");
        assertThat(receiver.at("/retry").get(0).header("webhook-id")).isEqualTo(delivery.header("webhook-id"));

        String endpointId = endpoint.get("id").asString();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> calls.deliveries(tenant, endpointId)
                        .get(0)
                        .get("status")
                        .asString()
                        .equals("delivered"));
        JsonNode listed = calls.deliveries(tenant, endpointId).get(0);
        assertThat(listed.get("webhook_id").asString()).isEqualTo(delivery.header("webhook-id"));
        assertThat(listed.get("attempts")
                        .valueStream()
                        .map(a -> a.get("http_status").asInt()))
                .containsExactly(500, 204);
        assertThat(listed.get("attempts").get(0).get("error").asString()).isEqualTo("HTTP 500");
        assertThat(listed.get("attempts").get(1).get("error").isNull()).isTrue();
        assertThat(listed.get("attempts").get(1).get("latency_ms").asLong()).isNotNegative();

        // the stable link redirects to a download URL presigned now
        HttpResponse<Void> link = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + port + "/v1/jobs/" + job.jobId() + "/outputs/0"))
                                .header("X-Darkroom-Tenant-Id", tenant.toString())
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        assertThat(link.statusCode()).isEqualTo(302);
        assertThat(link.headers().firstValue("Location").orElseThrow()).contains(tenant + "/x/0.jpg", "X-Amz-");
        assertThat(calls.call(tenant, "GET", "/v1/jobs/" + job.jobId() + "/outputs/1", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
    }

    @Test
    void aJobFailedOnlyEndpointReceivesNothingForASuccess() {
        UUID tenant = calls.support.aTenant().create();
        JsonNode failedOnly =
                calls.anEndpoint(tenant, "url", receiver.url("/failed-only"), "event_types", List.of("job.failed"));
        calls.anEndpoint(tenant, "url", receiver.url("/everything"));
        SubmitJob job = calls.aSucceededJob(tenant);

        // both endpoints' deliveries of an event are created in one transaction, so by now the filter has spoken
        await().atMost(Duration.ofSeconds(30))
                .until(() -> receiver.at("/everything").stream()
                        .anyMatch(r -> r.body().contains("\"job.succeeded\"")
                                && r.body().contains(job.jobId().toString())));
        assertThat(receiver.at("/failed-only")).isEmpty();
        assertThat(calls.deliveries(tenant, failedOnly.get("id").asString())).isEmpty();
    }

    @Test
    void aReplayResendsTheMessageWithTheSameWebhookId() {
        UUID tenant = calls.support.aTenant().create();
        String endpoint = calls.anEndpoint(
                        tenant, "url", receiver.url("/replay"), "event_types", List.of("job.succeeded"))
                .get("id")
                .asString();
        calls.aSucceededJob(tenant);
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered(tenant, endpoint, 0));
        String delivery = calls.deliveries(tenant, endpoint).get(0).get("id").asString();

        assertThat(calls.call(tenant, "POST", "/v1/webhooks/deliveries/" + delivery + "/replay", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(202);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> receiver.at("/replay").size() == 2);
        assertThat(receiver.at("/replay").get(1).header("webhook-id"))
                .isEqualTo(receiver.at("/replay").get(0).header("webhook-id"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> calls.deliveries(tenant, endpoint)
                                .get(0)
                                .get("attempts")
                                .size()
                        == 2);
    }

    @Test
    void recoverResendsOnlyTheFailuresSinceTheGivenTime() {
        AtomicInteger status = new AtomicInteger(500);
        receiver.answer("/recover", status::get);
        UUID tenant = calls.support.aTenant().create();
        String endpoint = calls.anEndpoint(
                        tenant, "url", receiver.url("/recover"), "event_types", List.of("job.succeeded"))
                .get("id")
                .asString();
        calls.aSucceededJob(tenant);
        calls.aSucceededJob(tenant);
        // the first attempt and two retries, then given up
        await().atMost(Duration.ofSeconds(20))
                .until(() -> calls.deliveries(tenant, endpoint).stream()
                                .filter(d -> d.get("status").asString().equals("failed"))
                                .count()
                        == 2);
        List<JsonNode> failed = calls.deliveries(tenant, endpoint);
        String older = failed.get(1).get("id").asString();
        String olderWebhookId = failed.get(1).get("webhook_id").asString();
        jdbc.sql("update webhook_delivery set created_at = created_at - interval '2 hours' where id = ?")
                .param(UUID.fromString(older))
                .update();
        status.set(204);

        JsonNode recovered = calls.call(
                        tenant,
                        "POST",
                        "/v1/webhooks/endpoints/" + endpoint + "/recover",
                        java.util.Map.of(
                                "since",
                                Instant.now().minus(Duration.ofHours(1)).toString()))
                .getBody();

        assertThat(recovered.get("recovered").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> calls.deliveries(tenant, endpoint).stream()
                        .anyMatch(d -> d.get("status").asString().equals("delivered")));
        JsonNode olderNow = calls.deliveries(tenant, endpoint).stream()
                .filter(d -> d.get("id").asString().equals(older))
                .findFirst()
                .orElseThrow();
        assertThat(olderNow.get("status").asString()).isEqualTo("failed");
        assertThat(receiver.at("/recover").stream().filter(r -> olderWebhookId.equals(r.header("webhook-id"))))
                .hasSize(3);
    }

    @Test
    void aTricklingNeighbourIsCutAtTheDeadlineWhileAnotherTenantsWebhookGoesOut() {
        receiver.trickle("/slow", Duration.ofSeconds(5));
        UUID slowTenant = calls.support.aTenant().create();
        String slow = calls.anEndpoint(
                        slowTenant, "url", receiver.url("/slow"), "event_types", List.of("job.succeeded"))
                .get("id")
                .asString();
        UUID otherTenant = calls.support.aTenant().create();
        String other = calls.anEndpoint(
                        otherTenant, "url", receiver.url("/prompt"), "event_types", List.of("job.succeeded"))
                .get("id")
                .asString();
        calls.aSucceededJob(slowTenant);
        await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.at("/slow").isEmpty());

        calls.aSucceededJob(otherTenant);

        await().atMost(Duration.ofSeconds(10)).until(() -> delivered(otherTenant, other, 0));
        // sent while the slow endpoint's attempts (three of 2 s each) were still being read, not after them
        WebhookReceiver.Received prompt = receiver.at("/prompt").get(0);
        Instant announced =
                Instant.parse(WebhookCalls.json(prompt.body()).get("timestamp").asString());
        assertThat(Duration.between(announced, prompt.at())).isLessThan(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> calls.deliveries(slowTenant, slow)
                                .get(0)
                                .get("attempts")
                                .size()
                        >= 1);
        JsonNode cut = calls.deliveries(slowTenant, slow).get(0).get("attempts").get(0);
        assertThat(cut.get("http_status").asInt()).isEqualTo(200);
        assertThat(cut.get("error").asString()).contains("deadline", "cut off");
        assertThat(cut.get("latency_ms").asLong()).isBetween(1900L, 4000L);
        // and retried
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at("/slow").size() >= 2);
    }

    @Test
    void aRedirectIsNotFollowedAndARetryAfterIsHonoured() {
        AtomicInteger calls429 = new AtomicInteger();
        receiver.answer("/moved", () -> 307, java.util.Map.of("Location", receiver.url("/elsewhere")));
        receiver.answer(
                "/busy", () -> calls429.getAndIncrement() == 0 ? 429 : 204, java.util.Map.of("Retry-After", "3"));
        UUID tenant = calls.support.aTenant().create();
        String moved = calls.anEndpoint(tenant, "url", receiver.url("/moved"), "event_types", List.of("job.succeeded"))
                .get("id")
                .asString();
        String busy = calls.anEndpoint(tenant, "url", receiver.url("/busy"), "event_types", List.of("job.succeeded"))
                .get("id")
                .asString();
        calls.aSucceededJob(tenant);

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(tenant, busy, 0));
        List<JsonNode> attempts = calls.deliveries(tenant, busy)
                .get(0)
                .get("attempts")
                .valueStream()
                .toList();
        assertThat(attempts).hasSize(2);
        // the schedule here says 300 ms; the endpoint asked for 3 s
        assertThat(Duration.between(
                        Instant.parse(attempts.get(0).get("attempted_at").asString()),
                        Instant.parse(attempts.get(1).get("attempted_at").asString())))
                .isGreaterThanOrEqualTo(Duration.ofMillis(2900));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> calls.deliveries(tenant, moved)
                        .get(0)
                        .get("status")
                        .asString()
                        .equals("failed"));
        assertThat(calls.deliveries(tenant, moved)
                        .get(0)
                        .get("attempts")
                        .get(0)
                        .get("error")
                        .asString())
                .isEqualTo("HTTP 307");
        assertThat(receiver.at("/elsewhere")).isEmpty();
    }

    private boolean delivered(UUID tenant, String endpoint, int index) {
        List<JsonNode> deliveries = calls.deliveries(tenant, endpoint);
        return deliveries.size() > index
                && deliveries.get(index).get("status").asString().equals("delivered");
    }

    static Timestamp ago(Duration d) {
        return Timestamp.from(Instant.now().minus(d));
    }
}
