package dev.darkroom.falclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.darkroom.falclient.errors.FalAuthenticationException;
import dev.darkroom.falclient.errors.FalForbiddenException;
import dev.darkroom.falclient.errors.FalNotFoundException;
import dev.darkroom.falclient.errors.FalRequestException;
import dev.darkroom.falclient.errors.FalResultNotReadyException;
import dev.darkroom.falclient.errors.FalSubmitUncertainException;
import dev.darkroom.falclient.errors.FalValidationException;
import dev.darkroom.falclient.http.RetrySettings;
import dev.darkroom.falclient.queue.CancelOutcome;
import dev.darkroom.falclient.queue.FalResult;
import dev.darkroom.falclient.queue.FalStatus;
import dev.darkroom.falclient.queue.FalSubmission;
import dev.darkroom.falclient.queue.Priority;
import dev.darkroom.falclient.queue.SubmitOptions;
import dev.darkroom.falclient.support.RecordingSleeper;
import dev.darkroom.falclient.support.Sim;
import dev.darkroom.falclient.support.StubServer;
import dev.darkroom.falclient.support.StubServer.Recorded;
import dev.darkroom.falclient.support.StubServer.Reply;
import dev.darkroom.falclient.webhooks.FalWebhookVerifier;
import dev.darkroom.falclient.webhooks.VerifiedWebhook;
import dev.darkroom.falclient.webhooks.WebhookVerificationException;
import dev.darkroom.falclient.webhooks.WebhookVerificationException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client end to end against fal-sim started in this JVM: every call, the error shapes fal-sim can produce, its
 * fault injection for retries, and real signed webhooks delivered to a local receiver.
 */
class FalSimTest {

    static final String FLUX = "fal-ai/flux/dev";
    static final JsonMapper JSON = JsonMapper.builder().build();

    static Sim sim;
    static StubServer receiver;

    final RecordingSleeper sleeper = new RecordingSleeper();
    final FalClient fal = new FalClient(config().sleeper(sleeper).build());
    final FalWebhookVerifier verifier = new FalWebhookVerifier(config().build());

    @BeforeAll
    static void startSim() {
        sim = new Sim();
        receiver = new StubServer().otherwise(request -> Reply.json(200, "{}"));
    }

    @AfterAll
    static void stopSim() {
        receiver.close();
        sim.close();
    }

    @BeforeEach
    void resetSim() {
        sim.reset();
    }

    @Test
    void aSubmissionCarriesItsOptionsAndItsSignedWebhookVerifies() {
        String webhookUrl = receiver.url("/fal/webhook?job=" + UUID.randomUUID() + "&token=t0k3n");

        FalSubmission submission = fal.submit(
                FLUX,
                input("a lighthouse at dusk"),
                SubmitOptions.builder()
                        .webhookUrl(webhookUrl)
                        .priority(Priority.LOW)
                        .startTimeout(Duration.ofSeconds(120))
                        .header("X-Fal-No-Retry", "1")
                        .build());

        JsonNode seen = sim.request(submission.requestId());
        assertThat(seen.path("webhook_url").asString()).isEqualTo(webhookUrl);
        assertThat(seen.path("priority").asString()).isEqualToIgnoringCase("low");
        assertThat(Duration.parse(seen.path("start_timeout").asString())).isEqualTo(Duration.ofSeconds(120));
        assertThat(seen.path("no_retry").asBoolean()).isTrue();
        assertThat(seen.path("input").path("prompt").asString()).isEqualTo("a lighthouse at dusk");
        assertThat(submission.statusUrl()).startsWith(sim.baseUrl() + "/queue/fal-ai/flux/requests/");
        assertThat(submission.gatewayRequestId()).isEqualTo(submission.requestId());

        Recorded webhook = webhookFor(submission.requestId());
        VerifiedWebhook verified = verifier.verify(webhook.headers(), webhook.body());

        assertThat(verified.requestId()).isEqualTo(submission.requestId());
        assertThat(webhook.query()).contains("token=t0k3n");
        JsonNode payload = JSON.readTree(webhook.body());
        assertThat(payload.path("status").asString()).isEqualTo("OK");
        assertThat(payload.path("payload").path("images").isArray()).isTrue();
    }

    @Test
    void statusFollowsARequestToCompletedWithLogsAndMetrics() {
        FalSubmission submission = fal.submit(FLUX, input("a red bicycle"));

        FalStatus done = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> fal.status(submission.statusUrl(), true), s -> s instanceof FalStatus.Completed);
        FalStatus.Completed completed = (FalStatus.Completed) done;
        FalStatus.Completed withoutLogs = (FalStatus.Completed) fal.status(submission.statusUrl(), false);

        assertThat(completed.failed()).isFalse();
        assertThat(completed.requestId()).isEqualTo(submission.requestId());
        assertThat(completed.logs())
                .isNotEmpty()
                .allSatisfy(log -> assertThat(log.message()).isNotBlank());
        assertThat(completed.metrics().has("inference_time")).isTrue();
        assertThat(withoutLogs.logs()).isEmpty();
    }

    @Test
    void theResultOfACompletedRequestPointsAtFilesOnTheSimCdn() {
        FalSubmission submission = fal.submit(FLUX, input("a green teapot"));
        awaitCompleted(submission);

        FalResult result = fal.result(submission.responseUrl());

        assertThat(result.requestId()).isEqualTo(submission.requestId());
        String imageUrl = result.body().path("images").get(0).path("url").asString();
        assertThat(imageUrl).startsWith(sim.baseUrl() + "/cdn/");
        byte[] image = sim.download(imageUrl);
        assertThat(image.length).isGreaterThan(100);
    }

    @Test
    void aModelErrorIsAFailedStatusAndAValidationErrorOnResult() {
        FalSubmission submission = fal.submit(FLUX, input("a forbidden thing [sim:model_error]"));

        FalStatus.Completed completed = awaitCompleted(submission);
        Throwable result = catchThrowable(() -> fal.result(submission.responseUrl()));

        assertThat(completed.failed()).isTrue();
        assertThat(completed.errorType()).isEqualTo("content_policy_violation");
        assertThat(result).isInstanceOfSatisfying(FalValidationException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.requestId()).isEqualTo(submission.requestId());
            assertThat(e.fieldErrors()).singleElement().satisfies(f -> {
                assertThat(f.type()).isEqualTo("content_policy_violation");
                assertThat(f.loc()).containsExactly("body", "prompt");
            });
        });
    }

    @ParameterizedTest(name = "{0} is a stored {1}, retryable={2}, and not fetched again")
    @CsvSource({"runner_disconnected, 503, true", "runner_server_error, 500, false"})
    void aRunnerErrorOnResultIsTheStoredOutcomeAndIsNotRetried(String errorType, int status, boolean retryable) {
        FalSubmission submission = fal.submit(FLUX, input("x [sim:model_error=" + errorType + "]"));
        awaitCompleted(submission);

        Throwable result = catchThrowable(() -> fal.result(submission.responseUrl()));

        assertThat(result).isInstanceOfSatisfying(FalRequestException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.errorType()).isEqualTo(errorType);
            assertThat(e.detail()).isNotBlank();
            assertThat(e.retryable()).isEqualTo(retryable);
        });
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void cancelAnswersEachOfItsThreeOutcomes() {
        FalSubmission stuck = fal.submit(FLUX, input("never starts [sim:stuck]"));
        FalSubmission finished = fal.submit(FLUX, input("done quickly"));
        awaitCompleted(finished);

        assertThat(fal.cancel(stuck.cancelUrl())).isEqualTo(CancelOutcome.CANCELLATION_REQUESTED);
        assertThat(fal.cancel(finished.cancelUrl())).isEqualTo(CancelOutcome.ALREADY_COMPLETED);
        assertThat(fal.cancel(fal.urls().cancel(FLUX, UUID.randomUUID().toString())))
                .isEqualTo(CancelOutcome.NOT_FOUND);
    }

    @Test
    void aResultAskedForBeforeCompletionIsNotReady() {
        FalSubmission stuck = fal.submit(FLUX, input("still waiting [sim:stuck]"));

        assertThatThrownBy(() -> fal.result(stuck.responseUrl())).isInstanceOf(FalResultNotReadyException.class);
        assertThat(fal.status(stuck.statusUrl(), false)).isInstanceOf(FalStatus.InQueue.class);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void urlsBuiltFromTheRequestIdReachTheSameRequest() {
        FalSubmission submission = fal.submit(FLUX, input("rebuilt urls"));

        assertThat(fal.urls().status(FLUX, submission.requestId())).isEqualTo(submission.statusUrl());
        assertThat(fal.urls().result(FLUX, submission.requestId())).isEqualTo(submission.responseUrl());
        assertThat(fal.urls().cancel(FLUX, submission.requestId())).isEqualTo(submission.cancelUrl());
    }

    @Test
    void anUploadCanBeDownloadedFromTheUrlItReturns() {
        byte[] content = new byte[70_000];
        Arrays.fill(content, (byte) 7);
        content[0] = (byte) 0x89;

        String fileUrl = fal.upload(content, "image/png", "first-frame.png");

        assertThat(fileUrl).startsWith(sim.baseUrl() + "/cdn/");
        assertThat(sim.download(fileUrl)).isEqualTo(content);
    }

    @Test
    void anUnknownKeyALockedAccountAndAnUnknownModelAreTheirOwnErrors() {
        FalClient unknownKey =
                new FalClient(config().apiKey("nobody:wrong-secret").build());
        FalClient lockedKey = new FalClient(config().apiKey(Sim.LOCKED_KEY).build());

        assertThatThrownBy(() -> unknownKey.submit(FLUX, input("x")))
                .isInstanceOf(FalAuthenticationException.class)
                .hasMessageContaining("No user found for Key ID and Secret")
                .hasMessageNotContaining("wrong-secret");
        assertThatThrownBy(() -> lockedKey.submit(FLUX, input("x")))
                .isInstanceOfSatisfying(FalForbiddenException.class, e -> {
                    assertThat(e.accountLocked()).isTrue();
                    assertThat(e.retryable()).isFalse();
                });
        assertThatThrownBy(() -> fal.submit("fal-ai/no-such-model", input("x")))
                .isInstanceOf(FalNotFoundException.class);
    }

    @Test
    void aRateLimitedSubmitIsRetriedAfterItsRetryAfter() {
        sim.faults(Map.of("submit_429_rate", 1, "retry_after", "PT2S"));
        sleeper.duringSleep(() -> sim.noFaults());

        FalSubmission submission = fal.submit(FLUX, input("patient"));

        assertThat(submission.requestId()).isNotBlank();
        assertThat(sleeper.sleeps()).singleElement().isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void anIngressErrorOnStatusAndResultIsRetried() {
        FalSubmission submission = fal.submit(FLUX, input("through the ingress"));
        awaitCompleted(submission);
        sim.faults(Map.of("ingress_5xx_read_rate", 1));
        sleeper.duringSleep(() -> sim.noFaults());

        FalStatus status = fal.status(submission.statusUrl(), false);
        sim.faults(Map.of("ingress_5xx_read_rate", 1));
        FalResult result = fal.result(submission.responseUrl());

        assertThat(status).isInstanceOf(FalStatus.Completed.class);
        assertThat(result.body().has("images")).isTrue();
        assertThat(sleeper.sleeps()).hasSize(2);
    }

    @Test
    void aSubmitWhoseAnswerIsLostIsUncertainAndSentOnlyOnce() {
        sim.faults(Map.of("submit_response_lost_rate", 1));

        Throwable thrown = catchThrowable(() -> fal.submit(FLUX, input("lost answer")));

        assertThat(thrown).isInstanceOfSatisfying(FalSubmitUncertainException.class, e -> {
            assertThat(e.status()).isEqualTo(502);
            assertThat(e.retryable()).isFalse();
        });
        assertThat(sleeper.sleeps()).isEmpty();
        assertThat(sim.requests()).as("enqueued exactly once").hasSize(1);
    }

    @Test
    void aRotatedSigningKeyIsPickedUpWithoutARestart() {
        FalSubmission before = fal.submit(FLUX, input("before"), webhook());
        Recorded first = webhookFor(before.requestId());
        assertThat(verifier.verify(first.headers(), first.body()).requestId()).isEqualTo(before.requestId());

        sim.rotateKeys(false);
        FalSubmission after = fal.submit(FLUX, input("after"), webhook());
        Recorded second = webhookFor(after.requestId());

        assertThat(verifier.verify(second.headers(), second.body()).requestId()).isEqualTo(after.requestId());
        assertThatThrownBy(() -> verifier.verify(first.headers(), first.body()))
                .as("the old key is no longer published")
                .isInstanceOfSatisfying(
                        WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }

    @Test
    void aSimWebhookWithOneByteChangedOrVerifiedSixMinutesLaterIsRefused() {
        FalSubmission submission = fal.submit(FLUX, input("tamper"), webhook());
        Recorded webhook = webhookFor(submission.requestId());
        byte[] tampered = webhook.body().clone();
        tampered[tampered.length / 2] ^= 1;
        FalWebhookVerifier sixMinutesLater =
                new FalWebhookVerifier(config().clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(6)))
                        .build());

        assertThatThrownBy(() -> verifier.verify(webhook.headers(), tampered))
                .isInstanceOfSatisfying(
                        WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
        assertThatThrownBy(() -> sixMinutesLater.verify(webhook.headers(), webhook.body()))
                .isInstanceOfSatisfying(
                        WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.STALE_TIMESTAMP));
    }

    private static FalClientConfig.Builder config() {
        return FalClientConfig.builder()
                .simulator(sim.baseUrl())
                .apiKey(Sim.KEY)
                .requestTimeout(Duration.ofSeconds(10))
                .retry(new RetrySettings(4, Duration.ofMillis(100), Duration.ofSeconds(5)))
                // the simulator rotates keys within a test; production keeps the 30 s default
                .jwksMinRefreshInterval(Duration.ZERO);
    }

    private static SubmitOptions webhook() {
        return SubmitOptions.builder().webhookUrl(receiver.url("/fal/webhook")).build();
    }

    private static JsonNode input(String prompt) {
        return JSON.createObjectNode().put("prompt", prompt);
    }

    private FalStatus.Completed awaitCompleted(FalSubmission submission) {
        return (FalStatus.Completed) await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> fal.status(submission.statusUrl(), false), s -> s instanceof FalStatus.Completed);
    }

    private static Recorded webhookFor(String requestId) {
        return await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> receiver.requests().stream()
                                .filter(r -> requestId.equals(r.header("X-Fal-Webhook-Request-Id")))
                                .findFirst()
                                .orElse(null),
                        r -> r != null);
    }
}
