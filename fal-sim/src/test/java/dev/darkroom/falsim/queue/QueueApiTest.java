package dev.darkroom.falsim.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkroom.falsim.SimClient.Response;
import dev.darkroom.falsim.SimTestBase;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class QueueApiTest extends SimTestBase {

    @Test
    void submitAnswersInQueueWithUrlsThatDropTheSubpath() {
        Response response = sim.submit("fal-ai/flux/dev", "{\"prompt\":\"a dog\"}");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        String id = body.get("request_id").asString();
        String requestUrl = sim.base() + "/queue/fal-ai/flux/requests/" + id;
        assertThat(body.get("status").asString()).isEqualTo("IN_QUEUE");
        assertThat(body.get("gateway_request_id").asString()).isEqualTo(id);
        assertThat(body.get("response_url").asString()).isEqualTo(requestUrl);
        assertThat(body.get("status_url").asString()).isEqualTo(requestUrl + "/status");
        assertThat(body.get("cancel_url").asString()).isEqualTo(requestUrl + "/cancel");
        assertThat(body.get("queue_position").isInt()).isTrue();
        assertThat(response.header("x-fal-request-id")).isEqualTo(id);
    }

    @Test
    void deepEndpointIdsUseOwnerAndAppForTheirUrls() {
        JsonNode body = sim.submit(
                        "fal-ai/minimax/hailuo-02/standard/text-to-video", "{\"prompt\":\"waves\",\"duration\":\"6\"}")
                .json();

        assertThat(body.get("status_url").asString())
                .isEqualTo(sim.base() + "/queue/fal-ai/minimax/requests/"
                        + body.get("request_id").asString() + "/status");
    }

    @Test
    void statusIsAcceptedWhileRunningCarriesLogLinesOnlyWhenAskedAndIsOkWhenCompleted() {
        JsonNode submitted = sim.submit("fal-ai/flux/dev", "{\"prompt\":\"slow [sim:slow=2s]\"}")
                .json();
        String statusUrl = submitted.get("status_url").asString();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> sim.get(statusUrl).json().get("status").asString().equals("IN_PROGRESS"));

        Response running = sim.get(statusUrl);
        assertThat(running.status()).isEqualTo(202);
        // fal's Python client reads data["logs"] unconditionally: the key is there, null, when not asked for
        assertThat(running.json().get("logs").isNull()).isTrue();
        assertThat(running.json().has("queue_position")).isFalse();
        assertThat(sim.get(statusUrl + "?logs=0").json().get("logs").isNull()).isTrue();
        JsonNode logs = sim.get(statusUrl + "?logs=1").json().get("logs");
        assertThat(logs.isArray()).isTrue();
        assertThat(logs.get(0).get("message").asString()).isNotBlank();
        assertThat(logs.get(0).get("level").asString()).isEqualTo("INFO");
        assertThat(logs.get(0).get("source").asString()).isEqualTo("USER");
        assertThat(logs.get(0).get("timestamp").asString())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(sim.get(statusUrl + "?logs=true").json().get("logs").isArray())
                .isTrue();

        JsonNode completed = sim.awaitCompleted(submitted);
        Response done = sim.get(statusUrl);
        assertThat(done.status()).isEqualTo(200);
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.get("metrics").get("inference_time").asDouble()).isEqualTo(2.0);
        assertThat(completed.has("error")).isFalse();
        assertThat(completed.has("error_type")).isFalse();
    }

    @Test
    void aWaitingRequestReportsItsQueuePosition() {
        JsonNode submitted =
                sim.submit("fal-ai/flux/dev", "{\"prompt\":\"[sim:stuck]\"}").json();

        Response status = sim.get(submitted.get("status_url").asString());

        assertThat(status.status()).isEqualTo(202);
        assertThat(status.json().get("status").asString()).isEqualTo("IN_QUEUE");
        assertThat(status.json().get("queue_position").asInt()).isZero();
    }

    @Test
    void theResultIsServedAtBothUrlFormsWithTheRequestIdHeader() {
        JsonNode submitted = sim.submit("fal-ai/flux/dev", "{\"prompt\":\"both\",\"seed\":3}")
                .json();
        sim.awaitCompleted(submitted);
        String responseUrl = submitted.get("response_url").asString();

        Response plain = sim.get(responseUrl);
        Response suffixed = sim.get(responseUrl + "/response");

        assertThat(plain.status()).isEqualTo(200);
        assertThat(suffixed.status()).isEqualTo(200);
        assertThat(plain.json()).isEqualTo(suffixed.json());
        assertThat(plain.header("x-fal-request-id"))
                .isEqualTo(submitted.get("request_id").asString());
        assertThat(plain.json().get("images").get(0).get("url").asString()).startsWith(sim.base() + "/cdn/files/");
    }

    @Test
    void theResultBeforeCompletionIsABadRequest() {
        JsonNode submitted =
                sim.submit("fal-ai/flux/dev", "{\"prompt\":\"[sim:slow=2s]\"}").json();

        Response early = sim.get(submitted.get("response_url").asString());

        assertThat(early.status()).isEqualTo(400);
        assertThat(early.json().get("detail").asString()).isEqualTo("Request is still in progress");
    }

    @Test
    void unknownRequestsAndRequestsOfAnotherAppAreNotFound() {
        String unknown = UUID.randomUUID().toString();
        String id = sim.submit("fal-ai/flux/dev", "{\"prompt\":\"x\"}")
                .json()
                .get("request_id")
                .asString();

        assertThat(sim.get("/queue/fal-ai/flux/requests/" + unknown + "/status").status())
                .isEqualTo(404);
        assertThat(sim.get("/queue/fal-ai/flux/requests/" + unknown).status()).isEqualTo(404);
        assertThat(sim.get("/queue/fal-ai/recraft/requests/" + id + "/status").status())
                .isEqualTo(404);
        assertThat(sim.get("/queue/workflows/fal-ai/flux/requests/" + id + "/status")
                        .status())
                .isEqualTo(404);
        assertThat(sim.get("/queue/bogus/fal-ai/flux/requests/" + id + "/status")
                        .status())
                .isEqualTo(404);
        Response cancel = sim.put("/queue/fal-ai/flux/requests/" + unknown + "/cancel");
        assertThat(cancel.status()).isEqualTo(404);
        assertThat(cancel.json().get("status").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void anEndpointNotInTheCatalogIsNotFound() {
        Response response = sim.submit("fal-ai/not-a-model", "{\"prompt\":\"x\"}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).isEqualTo("Not Found");
        assertThat(sim.get("/queue/fal-ai/flux").status()).isEqualTo(404);
    }

    @Test
    void aFullQueueRejectsSubmitsBeyondFalMaxQueueLength() {
        sim.submit("fal-ai/flux/dev", "{\"prompt\":\"[sim:stuck]\"}");
        sim.submit("fal-ai/flux/dev", "{\"prompt\":\"[sim:stuck]\"}");

        Response full = sim.submit("fal-ai/flux/dev", "{\"prompt\":\"x\"}", "?fal_max_queue_length=2");
        Response room = sim.submit("fal-ai/flux/dev", "{\"prompt\":\"x\"}", "?fal_max_queue_length=3");

        assertThat(full.status()).isEqualTo(429);
        assertThat(full.json().get("detail").asString()).isNotBlank();
        assertThat(room.status()).isEqualTo(200);
        assertThat(sim.submit("fal-ai/flux/dev", "{\"prompt\":\"x\"}", "?fal_max_queue_length=many")
                        .status())
                .isEqualTo(422);
    }

    @Test
    void aStartTimeoutCompletesAWaitingRequestWithAUserTimeout() {
        JsonNode submitted = sim.submit(
                        "fal-ai/flux/dev", "{\"prompt\":\"[sim:stuck]\"}", "", "X-Fal-Request-Timeout", "0.3")
                .json();

        JsonNode status = sim.awaitCompleted(submitted);
        Response result = sim.get(submitted.get("response_url").asString());

        assertThat(status.get("error_type").asString()).isEqualTo("startup_timeout");
        assertThat(status.get("error").asString()).isNotBlank();
        assertThat(result.status()).isEqualTo(504);
        assertThat(result.header("X-Fal-Request-Timeout-Type")).isEqualTo("user");
        assertThat(result.json().get("error_type").asString()).isEqualTo("startup_timeout");
        assertThat(result.json().get("detail").asString()).isNotBlank();
    }

    @Test
    void headerValuesFalWouldRefuseAreUnprocessable() {
        Response priority = sim.submit("fal-ai/flux/dev", "{\"prompt\":\"x\"}", "", "X-Fal-Queue-Priority", "urgent");
        Response timeout = sim.submit("fal-ai/flux/dev", "{\"prompt\":\"x\"}", "", "X-Fal-Request-Timeout", "0.05");

        assertThat(priority.status()).isEqualTo(422);
        assertThat(priority.json().at("/detail/0/loc/1").asString()).isEqualTo("x-fal-queue-priority");
        assertThat(timeout.status()).isEqualTo(422);
        assertThat(timeout.json().at("/detail/0/type").asString()).isEqualTo("greater_than");
    }

    @Test
    void runnerHintNoRetryAndPriorityAreRecorded() {
        String id = sim.submit(
                        "fal-ai/flux/dev",
                        "{\"prompt\":\"x\"}",
                        "",
                        "X-Fal-Runner-Hint",
                        "session-7",
                        "X-Fal-No-Retry",
                        "1",
                        "X-Fal-Queue-Priority",
                        "low")
                .json()
                .get("request_id")
                .asString();

        JsonNode recorded = sim.adminRequest(id);

        assertThat(recorded.get("runner_hint").asString()).isEqualTo("session-7");
        assertThat(recorded.get("no_retry").asBoolean()).isTrue();
        assertThat(recorded.get("priority").asString()).isEqualTo("LOW");
    }

    @Test
    void returnedUrlsFollowForwardedHeaders() {
        JsonNode body = sim.submit(
                        "fal-ai/flux/dev",
                        "{\"prompt\":\"x\"}",
                        "",
                        "X-Forwarded-Proto",
                        "https",
                        "X-Forwarded-Host",
                        "fal-sim.example",
                        "X-Forwarded-Port",
                        "443")
                .json();

        assertThat(body.get("status_url").asString()).startsWith("https://fal-sim.example/queue/fal-ai/flux/requests/");
    }

    @Test
    void aBodyThatIsNotJsonFailsLikeFalsRunnerWould() {
        JsonNode submitted = sim.submit("fal-ai/flux/dev", "{not json").json();

        sim.awaitCompleted(submitted);
        Response result = sim.get(submitted.get("response_url").asString());

        assertThat(result.status()).isEqualTo(422);
        assertThat(result.json().at("/detail/0/type").asString()).isEqualTo("json_invalid");
    }
}
