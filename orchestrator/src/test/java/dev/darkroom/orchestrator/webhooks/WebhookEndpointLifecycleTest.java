package dev.darkroom.orchestrator.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import dev.darkroom.orchestrator.OrchestratorTestSupport;
import dev.darkroom.testsupport.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Endpoints as a resource: rules on creating them, rotation, and the two ways an endpoint gets disabled. */
@WebhookTest
class WebhookEndpointLifecycleTest {

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
    void duringARotationOverlapTheOfficialVerifierAcceptsTheOldAndTheNewSecret() {
        UUID tenant = calls.support.aTenant().create();
        JsonNode endpoint = calls.anEndpoint(tenant, "url", receiver.url("/rotating"));
        String id = endpoint.get("id").asString();
        String oldSecret = endpoint.get("secret").asString();

        JsonNode rotated = calls.call(tenant, "POST", "/v1/webhooks/endpoints/" + id + "/rotate-secret", null)
                .getBody();
        String newSecret = rotated.get("secret").asString();
        calls.aSucceededJob(tenant);

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        receiver.at("/rotating").stream().anyMatch(r -> r.body().contains("\"job.succeeded\"")));
        WebhookReceiver.Received delivery = receiver.at("/rotating").stream()
                .filter(r -> r.body().contains("\"job.succeeded\""))
                .findFirst()
                .orElseThrow();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        assertThat(delivery.header("webhook-signature").split(" ")).hasSize(2);
        assertThatCode(() -> new Webhook(oldSecret).verify(delivery.body(), delivery.headers()))
                .doesNotThrowAnyException();
        assertThatCode(() -> new Webhook(newSecret).verify(delivery.body(), delivery.headers()))
                .doesNotThrowAnyException();
        assertThat(Instant.parse(rotated.get("previous_secret_expires_at").asString()))
                .isBetween(
                        Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
        JsonNode read =
                calls.call(tenant, "GET", "/v1/webhooks/endpoints/" + id, null).getBody();
        assertThat(read.has("secret")).isFalse();
    }

    @Test
    void a410DisablesTheEndpointAtOnceAndTheTenantsOtherEndpointsHearOfIt() {
        receiver.answer("/gone", () -> 410);
        UUID tenant = calls.support.aTenant().create();
        String gone = calls.anEndpoint(tenant, "url", receiver.url("/gone"), "event_types", List.of("job.succeeded"))
                .get("id")
                .asString();
        calls.anEndpoint(tenant, "url", receiver.url("/watcher"), "event_types", List.of("webhook.endpoint_disabled"));
        calls.aSucceededJob(tenant);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !receiver.at("/watcher").isEmpty());
        JsonNode event = WebhookCalls.json(receiver.at("/watcher").get(0).body());
        assertThat(event.get("type").asString()).isEqualTo("webhook.endpoint_disabled");
        assertThat(event.get("data").get("endpoint_id").asString()).isEqualTo(gone);
        JsonNode disabled = endpoint(tenant, gone);
        assertThat(disabled.get("enabled").asBoolean()).isFalse();
        assertThat(disabled.get("disabled_reason").asString()).contains("410");
        assertThat(receiver.at("/gone")).hasSize(1);
        assertThat(calls.deliveries(tenant, gone).get(0).get("status").asString())
                .isEqualTo("failed");

        JsonNode enabled = calls.call(tenant, "PATCH", "/v1/webhooks/endpoints/" + gone, Map.of("enabled", true))
                .getBody();
        assertThat(enabled.get("enabled").asBoolean()).isTrue();
        assertThat(enabled.get("disabled_reason").isNull()).isTrue();
    }

    @Test
    void anEndpointWhoseAttemptsAllFailedForFiveDaysIsDisabled() {
        receiver.answer("/down", () -> 503);
        UUID tenant = calls.support.aTenant().create();
        String down =
                calls.anEndpoint(tenant, "url", receiver.url("/down")).get("id").asString();
        jdbc.sql("update webhook_endpoint set failing_since = now() - interval '5 days 1 minute' where id = ?")
                .param(UUID.fromString(down))
                .update();

        calls.aSucceededJob(tenant);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !endpoint(tenant, down).get("enabled").asBoolean());
        assertThat(endpoint(tenant, down).get("disabled_reason").asString()).startsWith("every attempt failed since");
    }

    @Test
    void endpointsAreCheckedLimitedAndSeenOnlyByTheirTenant() {
        UUID tenant = calls.support.aTenant().create();
        assertThat(problem(calls.call(tenant, "POST", "/v1/webhooks/endpoints", Map.of("url", "ftp://x.test/h"))))
                .isEqualTo("forbidden_url");
        assertThat(problem(calls.call(
                        tenant, "POST", "/v1/webhooks/endpoints", Map.of("url", "http://169.254.169.254/latest"))))
                .isEqualTo("forbidden_url");
        assertThat(problem(calls.call(
                        tenant,
                        "POST",
                        "/v1/webhooks/endpoints",
                        Map.of("url", receiver.url("/x"), "event_types", List.of("job.exploded")))))
                .isEqualTo("invalid_request");
        assertThat(problem(calls.call(
                        tenant, "POST", "/v1/webhooks/endpoints", Map.of("url", receiver.url("/x"), "colour", "red"))))
                .isEqualTo("invalid_request");
        for (int i = 0; i < 10; i++) {
            calls.anEndpoint(tenant, "url", receiver.url("/n" + i), "description", "number " + i);
        }
        ResponseEntity<JsonNode> eleventh =
                calls.call(tenant, "POST", "/v1/webhooks/endpoints", Map.of("url", receiver.url("/n10")));
        assertThat(eleventh.getStatusCode().value()).isEqualTo(409);
        assertThat(problem(eleventh)).isEqualTo("webhook_endpoint_limit");

        JsonNode listed =
                calls.call(tenant, "GET", "/v1/webhooks/endpoints", null).getBody();
        assertThat(listed.get("data")).hasSize(10);
        assertThat(listed.get("data").get(0).has("secret")).isFalse();
        String first = listed.get("data").get(0).get("id").asString();
        UUID stranger = calls.support.aTenant().create();
        assertThat(calls.call(stranger, "GET", "/v1/webhooks/endpoints/" + first, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(calls.call(stranger, "DELETE", "/v1/webhooks/endpoints/" + first, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);

        JsonNode viaAdmin = calls.support.admin("GET", "/v1/admin/tenants/" + tenant + "/webhooks/endpoints", null);
        assertThat(viaAdmin.get("data")).hasSize(10);
        assertThat(calls.call(tenant, "DELETE", "/v1/webhooks/endpoints/" + first, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertThat(calls.call(tenant, "GET", "/v1/webhooks/endpoints", null)
                        .getBody()
                        .get("data"))
                .hasSize(9);
    }

    private JsonNode endpoint(UUID tenant, String id) {
        return calls.call(tenant, "GET", "/v1/webhooks/endpoints/" + id, null).getBody();
    }

    private static String problem(ResponseEntity<JsonNode> response) {
        return response.getBody().get("code").asString();
    }
}
