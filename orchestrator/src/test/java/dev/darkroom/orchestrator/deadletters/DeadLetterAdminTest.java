package dev.darkroom.orchestrator.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.orchestrator.OrchestratorIntegrationTest;
import dev.darkroom.orchestrator.OrchestratorTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

@OrchestratorIntegrationTest
class DeadLetterAdminTest {

    static final String QUEUE = Messaging.JOB_COMPLETED_QUEUE;

    @Autowired
    OrchestratorTestSupport support;

    @LocalManagementPort
    int managementPort;

    @Autowired
    RabbitTemplate rabbit;

    @Test
    void aPoisonMessageIsDeadLetteredShownWithItsReasonAndCanBeRedriven() {
        RestClient admin = support.adminClient();
        rabbit.send(
                Messaging.EVENTS_EXCHANGE,
                Messaging.JOB_COMPLETED,
                MessageBuilder.withBody("not json".getBytes(StandardCharsets.UTF_8))
                        .setContentType("application/json")
                        .setMessageId("poison-1")
                        .build());

        await().atMost(Duration.ofSeconds(30)).until(() -> depth(admin) == 1);
        JsonNode letters =
                admin.get().uri("/v1/admin/dead-letters/" + QUEUE).retrieve().body(JsonNode.class);
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).get("message_id").asString()).isEqualTo("poison-1");
        assertThat(letters.get(0).get("body").asString()).isEqualTo("not json");
        assertThat(letters.get(0).get("reason").asString()).isNotBlank();
        assertThat(depth(admin)).as("a peek puts the message back").isEqualTo(1);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(metrics(admin)).contains("darkroom_dead_letter_depth{queue=\"" + QUEUE + "\"} 1.0"));

        JsonNode redriven = admin.post()
                .uri("/v1/admin/dead-letters/" + QUEUE + "/redrive")
                .retrieve()
                .body(JsonNode.class);

        assertThat(redriven.get("redriven").asInt()).isEqualTo(1);
        // still poison: it fails again and is back in the dead-letter queue, not lost
        await().atMost(Duration.ofSeconds(30)).until(() -> depth(admin) == 1);
    }

    @Test
    void anUnknownQueueIsAProblem() {
        var r = support.adminClient()
                .post()
                .uri("/v1/admin/dead-letters/nope/redrive")
                .retrieve()
                .toEntity(JsonNode.class);

        assertThat(r.getStatusCode().value()).isEqualTo(404);
        assertThat(r.getBody().get("code").asString()).isEqualTo("unknown_queue");
    }

    private static long depth(RestClient admin) {
        for (JsonNode q : admin.get().uri("/v1/admin/dead-letters").retrieve().body(JsonNode.class)) {
            if (q.get("queue").asString().equals(QUEUE)) {
                return q.get("depth").asLong();
            }
        }
        return -1;
    }

    private String metrics(RestClient admin) {
        return RestClient.create("http://127.0.0.1:" + managementPort)
                .get()
                .uri("/actuator/prometheus")
                .retrieve()
                .body(String.class);
    }
}
