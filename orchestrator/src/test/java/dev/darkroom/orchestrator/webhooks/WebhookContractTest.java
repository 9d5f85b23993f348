package dev.darkroom.orchestrator.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkroom.orchestrator.OrchestratorTestSupport;
import dev.darkroom.testsupport.OpenApiContract;
import dev.darkroom.testsupport.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The webhook API's answers, errors included, are what the OpenAPI document says (the gateway passes them on). */
@WebhookTest
class WebhookContractTest {

    static final WebhookReceiver receiver = new WebhookReceiver();
    static final OpenApiContract contract = OpenApiContract.darkroom();

    @LocalServerPort
    int port;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    OrchestratorTestSupport support;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @Test
    void everyWebhookAnswerConformsToTheDocument() {
        WebhookCalls calls = new WebhookCalls(support, rabbit, jdbc);
        UUID tenant = calls.support.aTenant().create();
        String base = "/v1/webhooks/endpoints";
        String id = conform(calls.call(tenant, "POST", base, Map.of("url", receiver.url("/c"))), "POST", base, 201)
                .get("id")
                .asString();
        conform(calls.call(tenant, "POST", base, Map.of("url", "ftp://x")), "POST", base, 422);
        calls.aSucceededJob(tenant);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !calls.deliveries(tenant, id).isEmpty()
                        && calls.deliveries(tenant, id).get(0).get("attempts").size() > 0);
        conform(calls.call(tenant, "GET", base, null), "GET", base, 200);
        conform(calls.call(tenant, "GET", base + "/" + id, null), "GET", base + "/" + id, 200);
        conform(calls.call(tenant, "GET", base + "/" + UUID.randomUUID(), null), "GET", base + "/x", 404);
        conform(
                calls.call(tenant, "PATCH", base + "/" + id, Map.of("event_types", List.of("job.failed"))),
                "PATCH",
                base + "/" + id,
                200);
        conform(
                calls.call(tenant, "POST", base + "/" + id + "/rotate-secret", null),
                "POST",
                base + "/" + id + "/rotate-secret",
                200);
        JsonNode page = conform(
                calls.call(tenant, "GET", base + "/" + id + "/deliveries", null),
                "GET",
                base + "/" + id + "/deliveries",
                200);
        String delivery = page.get("data").get(0).get("id").asString();
        conform(
                calls.call(tenant, "POST", "/v1/webhooks/deliveries/" + delivery + "/replay", null),
                "POST",
                "/v1/webhooks/deliveries/" + delivery + "/replay",
                202);
        conform(
                calls.call(tenant, "POST", base + "/" + id + "/recover", Map.of("since", "2026-01-01T00:00:00Z")),
                "POST",
                base + "/" + id + "/recover",
                202);
        conform(calls.call(tenant, "DELETE", base + "/" + id, null), "DELETE", base + "/" + id, 204);
    }

    private static JsonNode conform(ResponseEntity<JsonNode> r, String method, String path, int status) {
        assertThat(r.getStatusCode().value())
                .as("%s %s: %s", method, path, r.getBody())
                .isEqualTo(status);
        byte[] body = r.getBody() == null ? new byte[0] : r.getBody().toString().getBytes();
        Map<String, List<String>> headers = new java.util.HashMap<>();
        r.getHeaders().forEach(headers::put);
        assertThat(contract.violations(method, path, status, headers, body))
                .as("%s %s", method, path)
                .isEmpty();
        return r.getBody();
    }
}
