package dev.darkroom.falsim.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.falsim.SimClient.Response;
import dev.darkroom.falsim.SimTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CancelTest extends SimTestBase {

    @Test
    void cancellingAWaitingRequestRemovesItAndCompletesItAsClientCancelled() {
        JsonNode submitted =
                sim.submit("fal-ai/flux/dev", "{\"prompt\":\"[sim:stuck]\"}").json();

        Response cancel = sim.put(submitted.get("cancel_url").asString());

        assertThat(cancel.status()).isEqualTo(202);
        assertThat(cancel.json().get("status").asString()).isEqualTo("CANCELLATION_REQUESTED");
        JsonNode status = sim.get(submitted.get("status_url").asString()).json();
        assertThat(status.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(status.get("error_type").asString()).isEqualTo("client_cancelled");
        Response result = sim.get(submitted.get("response_url").asString());
        assertThat(result.status()).isEqualTo(499);
        assertThat(result.header("X-Fal-Error-Type")).isEqualTo("client_cancelled");
        assertThat(result.json().get("error_type").asString()).isEqualTo("client_cancelled");
    }

    @Test
    void cancellingARunningRequestStopsItByDefault() {
        JsonNode submitted =
                sim.submit("fal-ai/flux/dev", "{\"prompt\":\"[sim:slow=5s]\"}").json();
        org.awaitility.Awaitility.await()
                .until(() -> sim.get(submitted.get("status_url").asString())
                        .json()
                        .get("status")
                        .asString()
                        .equals("IN_PROGRESS"));

        Response cancel = sim.put(submitted.get("cancel_url").asString());

        assertThat(cancel.status()).isEqualTo(202);
        JsonNode status = sim.get(submitted.get("status_url").asString()).json();
        assertThat(status.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(status.get("error_type").asString()).isEqualTo("client_cancelled");
        assertThat(sim.adminRequest(submitted.get("request_id").asString())
                        .get("cancel_requested")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void cancellingACompletedRequestIsRefused() {
        JsonNode submitted =
                sim.submit("fal-ai/flux/dev", "{\"prompt\":\"done\"}").json();
        sim.awaitCompleted(submitted);

        Response cancel = sim.put(submitted.get("cancel_url").asString());

        assertThat(cancel.status()).isEqualTo(400);
        assertThat(cancel.json().get("status").asString()).isEqualTo("ALREADY_COMPLETED");
        assertThat(sim.get(submitted.get("response_url").asString()).status()).isEqualTo(200);
    }
}
