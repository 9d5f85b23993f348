package dev.darkroom.falsim.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkroom.falsim.SimTestBase;
import dev.darkroom.falsim.WebhookReceiver;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.JsonNode;

/** What fal does on its side: payload errors in webhooks, retries on new runners, redelivery. */
class FalSideFaultsTest extends SimTestBase {

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private JsonNode submit(String prompt, String... headers) {
        return sim.submit(
                        "fal-ai/flux/dev",
                        "{\"prompt\":\"" + prompt + "\"}",
                        "?fal_webhook=" + URLEncoder.encode(receiver.url(), StandardCharsets.UTF_8),
                        headers)
                .json();
    }

    private JsonNode webhook(String requestId) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !receiver.forRequest(requestId).isEmpty());
        return receiver.forRequest(requestId).get(0).json();
    }

    @Test
    void aPayloadErrorWebhookCarriesNoPayloadWhileTheQueueStillServesTheResult() {
        JsonNode submitted = submit("big [sim:payload_error]");

        JsonNode body = webhook(submitted.get("request_id").asString());

        assertThat(body.get("status").asString()).isEqualTo("OK");
        assertThat(body.get("payload").isNull()).isTrue();
        assertThat(body.get("payload_error").asString()).startsWith("Response payload is not JSON serializable");
        assertThat(sim.get(submitted.get("response_url").asString()).json().get("images"))
                .hasSize(1);
    }

    @Test
    void aRequestFalRetriedOnNewRunnersReportsTheLastAttemptsGatewayRequestId() {
        JsonNode submitted = submit("flaky [sim:fal_retry=2]");
        String id = submitted.get("request_id").asString();
        assertThat(submitted.get("gateway_request_id").asString()).isEqualTo(id);

        JsonNode body = webhook(id);
        JsonNode status =
                sim.get(submitted.get("status_url").asString() + "?logs=1").json();

        assertThat(body.get("status").asString()).isEqualTo("OK");
        assertThat(body.get("request_id").asString()).isEqualTo(id);
        assertThat(body.get("gateway_request_id").asString()).isNotEqualTo(id);
        assertThat(status.get("gateway_request_id").asString())
                .isEqualTo(body.get("gateway_request_id").asString());
        assertThat(status.get("logs").findValuesAsString("message"))
                .filteredOn(m -> m.startsWith("Runner failed with 503"))
                .hasSize(2);
    }

    @Test
    void withNoRetryTheFirstRunnerFailureIsTheOutcome() {
        JsonNode submitted = submit("flaky [sim:fal_retry]", "X-Fal-No-Retry", "1");

        JsonNode body = webhook(submitted.get("request_id").asString());

        assertThat(body.get("status").asString()).isEqualTo("ERROR");
        assertThat(body.get("error").asString()).isEqualTo("Invalid status code: 503");
        assertThat(body.get("gateway_request_id").asString())
                .isEqualTo(submitted.get("request_id").asString());
    }

    @Test
    void anOrdinaryStatusHasEqualIdsAndNullLogs() {
        JsonNode submitted = submit("plain");
        JsonNode status = sim.awaitCompleted(submitted);

        assertThat(status.get("gateway_request_id").asString())
                .isEqualTo(submitted.get("request_id").asString());
        assertThat(status.has("logs")).isTrue();
        assertThat(status.get("logs").isNull()).isTrue();
    }

    @Test
    void webhooksAreRedeliveredTenTimesOverAboutTwoHoursByDefault() {
        WebhookProperties defaults = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("fal-sim.webhooks", WebhookProperties.class);

        List<Duration> delays = defaults.retryDelays();
        Duration total = delays.stream().reduce(Duration.ZERO, Duration::plus);

        assertThat(defaults.maxAttempts()).isEqualTo(11);
        assertThat(total).isBetween(Duration.ofMinutes(110), Duration.ofMinutes(130));
    }
}
