package dev.darkroom.receiver.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class WebhookBodyTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anOkWebhookKeepsItsPayload() {
        WebhookBody body = parse("{\"request_id\":\"r1\",\"gateway_request_id\":\"g1\",\"status\":\"OK\","
                + "\"payload\":{\"images\":[{\"url\":\"https://v3.fal.media/a.png\"}]}}");

        assertThat(body.requestId()).isEqualTo("r1");
        assertThat(body.gatewayRequestId()).isEqualTo("g1");
        assertThat(body.status()).isEqualTo("OK");
        assertThat(body.payload().path("images").get(0).path("url").asString()).isEqualTo("https://v3.fal.media/a.png");
        assertThat(body.error()).isNull();
    }

    @Test
    void aNullPayloadWithAPayloadErrorIsKeptAsAbsent() {
        WebhookBody body = parse("{\"request_id\":\"r1\",\"status\":\"OK\",\"payload\":null,"
                + "\"payload_error\":\"Response payload is not JSON serializable.\"}");

        assertThat(body.payload()).isNull();
        assertThat(body.payloadError()).isEqualTo("Response payload is not JSON serializable.");
    }

    @Test
    void anErrorWebhookKeepsFalsMessage() {
        WebhookBody body = parse("{\"request_id\":\"r1\",\"status\":\"ERROR\",\"error\":\"Invalid status code: 422\","
                + "\"payload\":{\"detail\":[{\"msg\":\"field required\"}]}}");

        assertThat(body.error()).isEqualTo("Invalid status code: 422");
        assertThat(body.payload().path("detail").isArray()).isTrue();
    }

    @Test
    void bodiesThatAreNotFalsShapeAreMalformed() {
        assertMalformed("not json", "The webhook body is not JSON.");
        assertMalformed("[1,2]", "The webhook body is not a JSON object.");
        assertMalformed("{\"status\":\"OK\"}", "The webhook body has no request_id.");
        assertMalformed("{\"request_id\":\"r1\",\"status\":\"DONE\"}", "The webhook status must be OK or ERROR.");
        assertMalformed("{\"request_id\":7,\"status\":\"OK\"}", "The webhook's request_id must be a string.");
    }

    private WebhookBody parse(String body) {
        return WebhookBody.parse(json, body.getBytes(StandardCharsets.UTF_8));
    }

    private void assertMalformed(String body, String detail) {
        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(WebhookRejectedException.class)
                .hasMessage(detail)
                .satisfies(e -> {
                    WebhookRejectedException rejected = (WebhookRejectedException) e;
                    assertThat(rejected.status()).isEqualTo(400);
                    assertThat(rejected.code()).isEqualTo("malformed_webhook");
                });
    }
}
