package dev.darkroom.falsim.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkroom.falsim.Jwks;
import dev.darkroom.falsim.SimTestBase;
import dev.darkroom.falsim.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WebhookTest extends SimTestBase {

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private JsonNode jwks() {
        return sim.send("GET", "/rest/.well-known/jwks.json", null, false).json();
    }

    private List<WebhookReceiver.Received> awaitWebhooks(String requestId, int count) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> receiver.forRequest(requestId).size() >= count);
        return receiver.forRequest(requestId);
    }

    @Test
    void aCompletedRequestsWebhookIsSignedAndVerifiesAgainstTheJwks() throws Exception {
        JsonNode submitted = sim.submitWithWebhook("fal-ai/flux/dev", "{\"prompt\":\"hook\"}", receiver.url())
                .json();
        String id = submitted.get("request_id").asString();

        WebhookReceiver.Received webhook = awaitWebhooks(id, 1).get(0);

        assertThat(webhook.headers().get("content-type")).startsWith("application/json");
        assertThat(webhook.headers().get("x-fal-webhook-request-id")).isEqualTo(id);
        assertThat(webhook.headers().get("x-fal-webhook-user-id")).isEqualTo("sim-user");
        long timestamp = Long.parseLong(webhook.headers().get("x-fal-webhook-timestamp"));
        assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThanOrEqualTo(5);
        assertThat(webhook.headers().get("x-fal-webhook-signature")).matches("[0-9a-f]{128}");
        assertThat(Jwks.verifyingKid(jwks(), webhook)).isNotNull();
        JsonNode body = webhook.json();
        assertThat(body.get("request_id").asString()).isEqualTo(id);
        assertThat(body.get("gateway_request_id").asString()).isEqualTo(id);
        assertThat(body.get("status").asString()).isEqualTo("OK");
        assertThat(body.get("payload"))
                .isEqualTo(sim.get(submitted.get("response_url").asString()).json());
        assertThat(body.has("error")).isFalse();
    }

    @Test
    void aFailedRequestsWebhookIsAnErrorWithTheResultAsPayload() {
        String id = sim.submitWithWebhook("fal-ai/flux/dev", "{\"prompt\":\"[sim:model_error]\"}", receiver.url())
                .json()
                .get("request_id")
                .asString();

        JsonNode body = awaitWebhooks(id, 1).get(0).json();

        assertThat(body.get("status").asString()).isEqualTo("ERROR");
        assertThat(body.get("error").asString()).isEqualTo("Invalid status code: 422");
        assertThat(body.at("/payload/detail/0/type").asString()).isEqualTo("content_policy_violation");
    }

    @Test
    void aCancelledRequestGetsAnErrorWebhook() {
        JsonNode submitted = sim.submitWithWebhook("fal-ai/flux/dev", "{\"prompt\":\"[sim:stuck]\"}", receiver.url())
                .json();

        sim.put(submitted.get("cancel_url").asString());
        JsonNode body =
                awaitWebhooks(submitted.get("request_id").asString(), 1).get(0).json();

        assertThat(body.get("status").asString()).isEqualTo("ERROR");
        assertThat(body.get("error").asString()).isEqualTo("Invalid status code: 499");
        assertThat(body.at("/payload/error_type").asString()).isEqualTo("client_cancelled");
    }

    @Test
    void aFailingReceiverIsRetriedAndEveryAttemptIsRecorded() {
        receiver.failNext(2, 500);

        String id = sim.submitWithWebhook("fal-ai/flux/dev", "{\"prompt\":\"retry\"}", receiver.url())
                .json()
                .get("request_id")
                .asString();
        List<WebhookReceiver.Received> deliveries = awaitWebhooks(id, 3);

        assertThat(deliveries).hasSize(3);
        assertThat(deliveries.get(2).body()).isEqualTo(deliveries.get(0).body());
        await().until(() -> sim.adminRequest(id).at("/webhook/state").asString().equals("DELIVERED"));
        JsonNode attempts = sim.adminRequest(id).at("/webhook/attempts");
        assertThat(attempts).hasSize(3);
        assertThat(attempts.get(0).get("status_code").asInt()).isEqualTo(500);
        assertThat(attempts.get(1).get("status_code").asInt()).isEqualTo(500);
        assertThat(attempts.get(2).get("status_code").asInt()).isEqualTo(200);
        assertThat(attempts.get(2).get("attempt").asInt()).isEqualTo(3);
    }

    @Test
    void deliveryGivesUpAfterTheLastAttempt() {
        receiver.failNext(10, 503);

        String id = sim.submitWithWebhook("fal-ai/flux/dev", "{\"prompt\":\"give up\"}", receiver.url())
                .json()
                .get("request_id")
                .asString();

        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        sim.adminRequest(id).at("/webhook/state").asString().equals("FAILED"));
        assertThat(receiver.forRequest(id)).hasSize(3);
    }

    @Test
    void anUnreachableReceiverIsRecordedAsAnError() {
        String url = receiver.url();
        receiver.close();

        String id = sim.submitWithWebhook("fal-ai/flux/dev", "{\"prompt\":\"nobody home\"}", url)
                .json()
                .get("request_id")
                .asString();

        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        sim.adminRequest(id).at("/webhook/state").asString().equals("FAILED"));
        JsonNode first = sim.adminRequest(id).at("/webhook/attempts/0");
        assertThat(first.get("status_code").isNull()).isTrue();
        assertThat(first.get("error").asString()).isNotBlank();
    }

    @Test
    void aRotatedKeySignsWhileTheOldOneStaysPublishedUnlessDropped() throws Exception {
        String oldKid = jwks().at("/keys/0/kid").asString();

        JsonNode rotated = sim.send("POST", "/_sim/keys/rotate", null, false).json();
        String newKid = rotated.get("kid").asString();
        String id = sim.submitWithWebhook("fal-ai/flux/dev", "{\"prompt\":\"rotated\"}", receiver.url())
                .json()
                .get("request_id")
                .asString();
        WebhookReceiver.Received webhook = awaitWebhooks(id, 1).get(0);

        assertThat(jwks().get("keys")).hasSize(2);
        assertThat(jwks().at("/keys/0/kid").asString()).isEqualTo(newKid);
        assertThat(jwks().at("/keys/1/kid").asString()).isEqualTo(oldKid);
        assertThat(Jwks.verifyingKid(jwks(), webhook)).isEqualTo(newKid);

        sim.send("POST", "/_sim/keys/rotate?keep_old=false", null, false);
        assertThat(jwks().get("keys")).hasSize(1);
        assertThat(Jwks.verifyingKid(jwks(), webhook)).isNull();
    }

    @Test
    void theJwksIsPublicAndInRfc8037Form() {
        JsonNode key = jwks().at("/keys/0");

        assertThat(key.get("kty").asString()).isEqualTo("OKP");
        assertThat(key.get("crv").asString()).isEqualTo("Ed25519");
        assertThat(key.get("x").asString()).matches("[A-Za-z0-9_-]{43}");
    }
}
