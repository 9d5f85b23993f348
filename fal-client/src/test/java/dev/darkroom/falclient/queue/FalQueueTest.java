package dev.darkroom.falclient.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkroom.falclient.FalClient;
import dev.darkroom.falclient.errors.FalRequestException;
import dev.darkroom.falclient.errors.FalResultNotReadyException;
import dev.darkroom.falclient.errors.FalSubmitUncertainException;
import dev.darkroom.falclient.errors.FalUnexpectedResponseException;
import dev.darkroom.falclient.errors.FalValidationException;
import dev.darkroom.falclient.support.RecordingSleeper;
import dev.darkroom.falclient.support.StubServer;
import dev.darkroom.falclient.support.StubServer.Recorded;
import dev.darkroom.falclient.support.StubServer.Reply;
import dev.darkroom.falclient.support.TestConfigs;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The queue calls against a scripted server: what goes on the wire, and how every documented answer is read. */
class FalQueueTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final StubServer fal = new StubServer();
    final RecordingSleeper sleeper = new RecordingSleeper();
    final FalClient client =
            new FalClient(TestConfigs.stub(fal.baseUrl(), sleeper).build());

    @AfterEach
    void stop() {
        fal.close();
    }

    @Test
    void submitSendsTheInputAndEveryOptionToTheFullEndpointPath() {
        fal.enqueue(Reply.json(200, """
                {"status":"IN_QUEUE","request_id":"req-1","gateway_request_id":"gw-1",
                 "response_url":"http://x/queue/fal-ai/flux/requests/req-1",
                 "status_url":"http://x/queue/fal-ai/flux/requests/req-1/status",
                 "cancel_url":"http://x/queue/fal-ai/flux/requests/req-1/cancel",
                 "queue_position":3,"something_new":true}"""));
        String webhook = "https://hooks.example.com/fal/webhook?job=42&token=a%2Bb/c==";

        FalSubmission submission = client.submit(
                "fal-ai/flux/dev",
                json("{\"prompt\":\"a cat\",\"num_images\":2}"),
                SubmitOptions.builder()
                        .webhookUrl(webhook)
                        .priority(Priority.LOW)
                        .startTimeout(Duration.ofMillis(90_500))
                        .maxQueueLength(50)
                        .header("X-Fal-No-Retry", "1")
                        .build());

        assertThat(submission)
                .isEqualTo(new FalSubmission(
                        "req-1",
                        "gw-1",
                        "http://x/queue/fal-ai/flux/requests/req-1/status",
                        "http://x/queue/fal-ai/flux/requests/req-1",
                        "http://x/queue/fal-ai/flux/requests/req-1/cancel",
                        3));
        Recorded sent = fal.requests().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/queue/fal-ai/flux/dev");
        assertThat(query(sent, "fal_webhook")).isEqualTo(webhook);
        assertThat(query(sent, "fal_max_queue_length")).isEqualTo("50");
        assertThat(sent.header("X-Fal-Queue-Priority")).isEqualTo("low");
        assertThat(sent.header("X-Fal-Request-Timeout")).isEqualTo("90.5");
        assertThat(sent.header("X-Fal-No-Retry")).isEqualTo("1");
        assertThat(sent.header("Authorization")).isEqualTo("Key " + TestConfigs.KEY);
        assertThat(sent.header("Accept")).isEqualTo("application/json");
        assertThat(sent.header("Content-Type")).isEqualTo("application/json");
        assertThat(sent.header("User-Agent")).startsWith("darkroom-fal-client/");
        assertThat(json(sent.bodyText())).isEqualTo(json("{\"prompt\":\"a cat\",\"num_images\":2}"));
    }

    @Test
    void submitWithoutOptionsSendsNoOptionalHeadersOrParameters() {
        fal.enqueue(Reply.json(200, "{\"request_id\":\"req-2\"}"));

        client.submit("fal-ai/flux/dev", json("{\"prompt\":\"x\"}"));

        Recorded sent = fal.requests().get(0);
        assertThat(sent.query()).isNull();
        assertThat(sent.header("X-Fal-Queue-Priority")).isNull();
        assertThat(sent.header("X-Fal-Request-Timeout")).isNull();
    }

    @Test
    void aSubmitAnswerWithoutUrlsGetsThemBuiltFromOwnerAndAppOnly() {
        fal.enqueue(Reply.json(200, "{\"request_id\":\"req-3\"}"));

        FalSubmission submission =
                client.submit("fal-ai/minimax/hailuo-02/standard/image-to-video", json("{\"prompt\":\"x\"}"));

        assertThat(submission.statusUrl()).isEqualTo(fal.url("/queue/fal-ai/minimax/requests/req-3/status"));
        assertThat(submission.responseUrl()).isEqualTo(fal.url("/queue/fal-ai/minimax/requests/req-3"));
        assertThat(submission.cancelUrl()).isEqualTo(fal.url("/queue/fal-ai/minimax/requests/req-3/cancel"));
        assertThat(submission.gatewayRequestId()).isNull();
        assertThat(submission.queuePosition()).isNull();
    }

    @Test
    void aSuccessfulSubmitWithoutRequestIdIsUncertainBecauseFalProbablyEnqueuedIt() {
        fal.enqueue(Reply.json(200, "{\"status\":\"IN_QUEUE\"}"));

        assertThatThrownBy(() -> client.submit("fal-ai/flux/dev", json("{}")))
                .isInstanceOf(FalSubmitUncertainException.class)
                .hasMessageContaining("without a request_id");
    }

    @Test
    void statusReadsAQueuedRequestAnsweredWith202() {
        fal.enqueue(Reply.json(202, "{\"status\":\"IN_QUEUE\",\"request_id\":\"r\",\"queue_position\":7}"));

        FalStatus status = client.status(fal.url("/queue/fal-ai/flux/requests/r/status"), false);

        assertThat(status).isEqualTo(new FalStatus.InQueue("r", 7));
        assertThat(fal.requests().get(0).query()).isEqualTo("logs=0");
        assertThat(fal.requests().get(0).method()).isEqualTo("GET");
    }

    @Test
    void statusWithLogsReadsEveryLogShapeFalHasUsed() {
        fal.enqueue(Reply.json(202, """
                {"status":"IN_PROGRESS","request_id":"r","logs":[
                  {"message":"Loading model","level":"INFO","source":"USER","timestamp":"2026-04-01T12:00:01.123Z"},
                  {"message":"step 3/28","timestamp":"2026-04-01T12:00:02Z","labels":{"level":"STDERR","source":"USER"}},
                  {"timestamp":"not a time"},
                  "not an object"]}"""));

        FalStatus status = client.status(fal.url("/queue/fal-ai/flux/requests/r/status"), true);

        assertThat(fal.requests().get(0).query()).isEqualTo("logs=1");
        FalStatus.InProgress inProgress = (FalStatus.InProgress) status;
        assertThat(inProgress.logs()).hasSize(3);
        RequestLog first = inProgress.logs().get(0);
        assertThat(first.message()).isEqualTo("Loading model");
        assertThat(first.level()).isEqualTo("INFO");
        assertThat(first.instant())
                .hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("2026-04-01T12:00:01.123Z"));
        RequestLog second = inProgress.logs().get(1);
        assertThat(second.level()).isEqualTo("STDERR");
        assertThat(second.source()).isEqualTo("USER");
        RequestLog third = inProgress.logs().get(2);
        assertThat(third.message()).isNull();
        assertThat(third.instant()).isEmpty();
    }

    @Test
    void statusReadsCompletedWithMetricsAndCompletedWithAnError() {
        fal.enqueue(Reply.json(200, """
                        {"status":"COMPLETED","request_id":"r","metrics":{"inference_time":3.42},"logs":null}"""), Reply.json(200, """
                        {"status":"COMPLETED","request_id":"r","error":"Invalid status code: 422",
                         "error_type":"content_policy_violation"}"""));
        String url = fal.url("/queue/fal-ai/flux/requests/r/status?extra=1");

        FalStatus.Completed ok = (FalStatus.Completed) client.status(url, false);
        FalStatus.Completed failed = (FalStatus.Completed) client.status(url, false);

        assertThat(ok.failed()).isFalse();
        assertThat(ok.logs()).isEmpty();
        assertThat(ok.metrics().path("inference_time").asDouble()).isEqualTo(3.42);
        assertThat(failed.failed()).isTrue();
        assertThat(failed.error()).isEqualTo("Invalid status code: 422");
        assertThat(failed.errorType()).isEqualTo("content_policy_violation");
        assertThat(fal.requests().get(0).query()).isEqualTo("extra=1&logs=0");
    }

    @Test
    void anUndocumentedStatusValueIsAnUnexpectedResponse() {
        fal.enqueue(Reply.json(200, "{\"status\":\"FAILED\",\"request_id\":\"r\"}"));

        assertThatThrownBy(() -> client.status(fal.url("/queue/fal-ai/flux/requests/r/status"), false))
                .isInstanceOf(FalUnexpectedResponseException.class);
    }

    @Test
    void resultReturnsTheBodyAndTheRequestIdHeader() {
        fal.enqueue(
                Reply.json(
                        200, "{\"images\":[{\"url\":\"https://v3.fal.media/files/a.png\"}]}", "x-fal-request-id", "r"),
                Reply.json(200, "{\"video\":{\"url\":\"https://v3.fal.media/files/b.mp4\"}}"));

        FalResult withId = client.result(fal.url("/queue/fal-ai/flux/requests/r"));
        FalResult withoutId = client.result(fal.url("/queue/fal-ai/flux/requests/r"));

        assertThat(withId.requestId()).isEqualTo("r");
        assertThat(withId.body().path("images").get(0).path("url").asString())
                .isEqualTo("https://v3.fal.media/files/a.png");
        assertThat(withoutId.requestId()).isNull();
        assertThat(withoutId.body().has("video")).isTrue();
    }

    @Test
    void aResultAskedForTooEarlyIsNotReadyAndNotRetried() {
        fal.enqueue(Reply.json(400, "{\"detail\":\"Request is still in progress\",\"request_id\":\"r\"}"));

        assertThatThrownBy(() -> client.result(fal.url("/queue/fal-ai/flux/requests/r")))
                .isInstanceOf(FalResultNotReadyException.class)
                .satisfies(e ->
                        assertThat(((FalResultNotReadyException) e).retryable()).isTrue());
        assertThat(fal.requests()).hasSize(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void aFailedRequestsResultSurfacesTheModelsError() {
        fal.enqueue(Reply.json(
                422,
                "{\"detail\":[{\"loc\":[\"body\",\"prompt\"],\"msg\":\"field required\",\"type\":\"value_error.missing\"}]}",
                "x-fal-request-id",
                "r"));

        assertThatThrownBy(() -> client.result(fal.url("/queue/fal-ai/flux/requests/r")))
                .isInstanceOfSatisfying(FalValidationException.class, e -> {
                    assertThat(e.requestId()).isEqualTo("r");
                    assertThat(e.fieldErrors())
                            .singleElement()
                            .satisfies(f -> assertThat(f.path()).isEqualTo("body.prompt"));
                });
    }

    @Test
    void cancelReadsAllThreeDocumentedOutcomes() {
        fal.enqueue(
                Reply.json(202, "{\"status\":\"CANCELLATION_REQUESTED\"}"),
                Reply.json(400, "{\"status\":\"ALREADY_COMPLETED\"}"),
                Reply.json(404, "{\"status\":\"NOT_FOUND\"}"));
        String url = fal.url("/queue/fal-ai/flux/requests/r/cancel");

        assertThat(client.cancel(url)).isEqualTo(CancelOutcome.CANCELLATION_REQUESTED);
        assertThat(client.cancel(url)).isEqualTo(CancelOutcome.ALREADY_COMPLETED);
        assertThat(client.cancel(url)).isEqualTo(CancelOutcome.NOT_FOUND);
        assertThat(fal.requests()).extracting(Recorded::method).containsOnly("PUT");
    }

    @Test
    void aCancel400ThatIsNotAlreadyCompletedIsAnError() {
        fal.enqueue(Reply.json(400, "{\"detail\":\"bad request\",\"error_type\":\"bad_request\"}"));

        assertThatThrownBy(() -> client.cancel(fal.url("/queue/fal-ai/flux/requests/r/cancel")))
                .isInstanceOf(FalRequestException.class);
    }

    @Test
    void statusResultAndCancelUrlsOffTheConfiguredQueueHostAreNeverCalled() {
        String otherPort = fal.url("/").replaceFirst(":(\\d+)/", ":1/");
        for (String url : new String[] {
            "http://attacker.example/queue/fal-ai/flux/requests/r/status",
            otherPort + "queue/fal-ai/flux/requests/r",
            fal.url("/queue/fal-ai/flux/requests/r").replaceFirst("^http://", "https://"),
            fal.url("/queue/fal-ai/flux/requests/r").replaceFirst("^http://", "http://user@"),
            "not a url"
        }) {
            assertThatThrownBy(() -> client.status(url, false))
                    .isInstanceOf(FalUnexpectedResponseException.class)
                    .hasMessageContaining("refusing to call the status URL");
            assertThatThrownBy(() -> client.result(url)).isInstanceOf(FalUnexpectedResponseException.class);
            assertThatThrownBy(() -> client.cancel(url)).isInstanceOf(FalUnexpectedResponseException.class);
        }
        assertThat(fal.requests()).isEmpty();
    }

    @Test
    void urlsForCallersThatStoredOnlyTheRequestId() {
        QueueUrls urls = client.urls();

        assertThat(urls.status("fal-ai/flux/dev", "r1")).isEqualTo(fal.url("/queue/fal-ai/flux/requests/r1/status"));
        assertThat(urls.result("fal-ai/flux-pro/v1.1-ultra", "r1"))
                .isEqualTo(fal.url("/queue/fal-ai/flux-pro/requests/r1"));
        assertThat(urls.cancel("workflows/acme/pipeline/step", "r1"))
                .isEqualTo(fal.url("/queue/workflows/acme/pipeline/requests/r1/cancel"));
    }

    private static String query(Recorded request, String name) {
        for (String pair : request.query().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
