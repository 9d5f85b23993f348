package dev.darkroom.falsim.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkroom.falsim.Jwks;
import dev.darkroom.falsim.SimClient.Response;
import dev.darkroom.falsim.SimTestBase;
import dev.darkroom.falsim.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FaultsTest extends SimTestBase {

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private int requestCount() {
        return sim.send("GET", "/_sim/requests", null, false).json().size();
    }

    private String submitWithWebhook(String prompt) {
        return sim.submitWithWebhook("fal-ai/flux/dev", "{\"prompt\":\"" + prompt + "\"}", receiver.url())
                .json()
                .get("request_id")
                .asString();
    }

    @Test
    void submitsCanBeRefusedWithTooManyRequests() {
        sim.faults("{\"submit_429_rate\":1,\"retry_after\":\"PT3S\"}");

        Response response = sim.submit("fal-ai/flux/dev", "{\"prompt\":\"x\"}");

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.header("Retry-After")).isEqualTo("3");
        assertThat(response.json().get("detail").asString()).isNotBlank();
        assertThat(requestCount()).isZero();
    }

    @Test
    void theIngressCanFailSubmitsWithAnHtmlPageAndNoRequestId() {
        sim.faults("{\"ingress_5xx_submit_rate\":1}");

        Response response = sim.submit("fal-ai/flux/dev", "{\"prompt\":\"x\"}");

        assertThat(response.status()).isIn(502, 503);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.text()).contains("nginx");
        assertThat(response.header("x-fal-request-id")).isNull();
        assertThat(requestCount()).isZero();
    }

    @Test
    void aLostSubmitAnswerStillQueuesTheRequest() {
        sim.faults("{\"submit_response_lost_rate\":1}");

        Response response = sim.submit("fal-ai/flux/dev", "{\"prompt\":\"x\"}");

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.text()).contains("nginx");
        assertThat(requestCount()).isEqualTo(1);
    }

    @Test
    void theIngressCanFailStatusAndResultReads() {
        JsonNode submitted = sim.submit("fal-ai/flux/dev", "{\"prompt\":\"x\"}").json();
        sim.faults("{\"ingress_5xx_read_rate\":1}");

        Response status = sim.get(submitted.get("status_url").asString());
        Response result = sim.get(submitted.get("response_url").asString());
        sim.faults("{}");

        assertThat(status.status()).isIn(502, 503);
        assertThat(status.header("x-fal-request-id")).isNull();
        assertThat(result.status()).isIn(502, 503);
        assertThat(sim.get(submitted.get("status_url").asString()).status()).isIn(200, 202);
    }

    @Test
    void modelErrorsUseTheConfiguredTypesAndTheirShapes() {
        sim.faults("{\"model_error_rate\":1,\"model_error_types\":[\"runner_incomplete_response\"]}");

        JsonNode submitted = sim.submit("fal-ai/flux/dev", "{\"prompt\":\"x\"}").json();
        JsonNode status = sim.awaitCompleted(submitted);
        Response result = sim.get(submitted.get("response_url").asString());

        assertThat(status.get("error_type").asString()).isEqualTo("runner_incomplete_response");
        assertThat(result.status()).isEqualTo(502);
        assertThat(result.header("X-Fal-Error-Type")).isEqualTo("runner_incomplete_response");
        assertThat(result.header("x-fal-request-id"))
                .isEqualTo(submitted.get("request_id").asString());
        assertThat(result.json().get("error_type").asString()).isEqualTo("runner_incomplete_response");
    }

    @Test
    void aModelErrorTokenPicksTheFlatRunnerErrorShape() {
        JsonNode submitted = sim.submit("fal-ai/flux/dev", "{\"prompt\":\"[sim:model_error=runner_server_error]\"}")
                .json();
        sim.awaitCompleted(submitted);

        Response result = sim.get(submitted.get("response_url").asString());

        assertThat(result.status()).isEqualTo(500);
        assertThat(result.json().get("detail").isString()).isTrue();
        assertThat(result.json().get("error_type").asString()).isEqualTo("runner_server_error");
    }

    @Test
    void stuckRequestsNeverLeaveTheQueue() {
        sim.faults("{\"stuck_rate\":1}");

        JsonNode submitted = sim.submit("fal-ai/flux/dev", "{\"prompt\":\"x\"}").json();

        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> sim.get(submitted.get("status_url").asString())
                        .json()
                        .get("status")
                        .asString()
                        .equals("IN_QUEUE"));
    }

    @Test
    void droppedWebhooksAreNeverSent() {
        sim.faults("{\"webhook_drop_rate\":1}");

        String id = submitWithWebhook("x");

        await().until(() -> sim.adminRequest(id).at("/webhook/state").asString().equals("DROPPED"));
        await().during(Duration.ofMillis(400))
                .atMost(Duration.ofSeconds(1))
                .until(() -> receiver.received().isEmpty());
    }

    @Test
    void duplicatedWebhooksArriveTwiceIdenticalAndSigned() throws Exception {
        String id = submitWithWebhook("[sim:duplicate_webhook]");

        await().until(() -> receiver.forRequest(id).size() == 2);
        List<WebhookReceiver.Received> deliveries = receiver.forRequest(id);
        JsonNode jwks =
                sim.send("GET", "/rest/.well-known/jwks.json", null, false).json();

        assertThat(deliveries.get(0).body()).isEqualTo(deliveries.get(1).body());
        assertThat(Jwks.verifyingKid(jwks, deliveries.get(0))).isNotNull();
        assertThat(Jwks.verifyingKid(jwks, deliveries.get(1))).isNotNull();
    }

    @Test
    void delayedWebhooksArriveAfterTheDelay() {
        sim.faults("{\"webhook_delay_rate\":1}");

        String id = submitWithWebhook("x");

        await().atMost(Duration.ofSeconds(5))
                .until(() -> receiver.forRequest(id).size() == 1);
        Instant completed =
                Instant.parse(sim.adminRequest(id).get("completed_at").asString());
        assertThat(Duration.between(completed, receiver.forRequest(id).get(0).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(sim.adminRequest(id).at("/faults/webhook/delay").isNull()).isFalse();
    }

    @Test
    void aReorderedWebhookIsOvertakenByTheNextOne() {
        String first = submitWithWebhook("[sim:reorder_webhook]");
        String second = submitWithWebhook("second [sim:slow=400ms]");

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 2);

        assertThat(receiver.received().get(0).headers().get("x-fal-webhook-request-id"))
                .isEqualTo(second);
        assertThat(receiver.received().get(1).headers().get("x-fal-webhook-request-id"))
                .isEqualTo(first);
    }

    @Test
    void aReorderedWebhookThatNothingOvertakesIsStillDelivered() {
        String id = submitWithWebhook("[sim:reorder_webhook]");

        await().atMost(Duration.ofSeconds(6))
                .until(() -> receiver.forRequest(id).size() == 1);
    }

    @Test
    void aCancelCanBeIgnoredByARunningRequest() {
        sim.faults("{\"cancel_ignored_rate\":1}");
        JsonNode submitted =
                sim.submit("fal-ai/flux/dev", "{\"prompt\":\"[sim:slow=2s]\"}").json();
        await().until(() -> sim.get(submitted.get("status_url").asString())
                .json()
                .get("status")
                .asString()
                .equals("IN_PROGRESS"));

        assertThat(sim.put(submitted.get("cancel_url").asString()).status()).isEqualTo(202);
        sim.awaitCompleted(submitted);

        assertThat(sim.get(submitted.get("response_url").asString()).status()).isEqualTo(200);
    }

    @Test
    void aSeedMakesFaultDecisionsRepeatable() {
        List<Boolean> first = stuckPattern();
        sim.reset();
        List<Boolean> second = stuckPattern();

        assertThat(first).isEqualTo(second).contains(true, false);
    }

    private List<Boolean> stuckPattern() {
        sim.faults("{\"seed\":42,\"stuck_rate\":0.5}");
        List<Boolean> pattern = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = sim.submit("fal-ai/flux/dev", "{\"prompt\":\"x\"}")
                    .json()
                    .get("request_id")
                    .asString();
            pattern.add(sim.adminRequest(id).at("/faults/stuck").asBoolean());
        }
        return pattern;
    }

    @Test
    void impossibleSettingsAreRefusedAsAProblem() {
        Response response = sim.send("PUT", "/_sim/faults", "{\"stuck_rate\":1.5}", false);
        Response typo = sim.send("PUT", "/_sim/faults", "{\"stuck_rat\":1}", false);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("invalid_faults");
        assertThat(typo.status()).isEqualTo(400);
    }

    @Test
    void putStartsFromTheConfiguredSettingsWhilePatchKeepsTheCurrentOnes() {
        sim.faults("{\"stuck_rate\":1}");
        sim.send("PATCH", "/_sim/faults", "{\"webhook_drop_rate\":0.5}", false);
        JsonNode patched = sim.send("GET", "/_sim/faults", null, false).json();
        sim.faults("{\"webhook_drop_rate\":0.25}");
        JsonNode replaced = sim.send("GET", "/_sim/faults", null, false).json();

        assertThat(patched.get("stuck_rate").asDouble()).isEqualTo(1.0);
        assertThat(patched.get("webhook_drop_rate").asDouble()).isEqualTo(0.5);
        assertThat(replaced.get("stuck_rate").asDouble()).isZero();
        assertThat(replaced.get("webhook_drop_rate").asDouble()).isEqualTo(0.25);
        assertThat(replaced.get("webhook_delay_min").asString()).isEqualTo("PT0.3S");
    }

    @Test
    void resetRestoresTheConfiguredFaults() {
        sim.faults("{\"stuck_rate\":1}");

        sim.reset();

        assertThat(sim.send("GET", "/_sim/faults", null, false)
                        .json()
                        .get("stuck_rate")
                        .asDouble())
                .isZero();
    }
}
