package dev.darkroom.falclient.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.darkroom.falclient.FalClient;
import dev.darkroom.falclient.errors.FalRateLimitedException;
import dev.darkroom.falclient.errors.FalRequestException;
import dev.darkroom.falclient.errors.FalServerException;
import dev.darkroom.falclient.errors.FalSubmitUncertainException;
import dev.darkroom.falclient.errors.FalTransportException;
import dev.darkroom.falclient.errors.FalValidationException;
import dev.darkroom.falclient.queue.FalStatus;
import dev.darkroom.falclient.support.RecordingSleeper;
import dev.darkroom.falclient.support.ResettingServer;
import dev.darkroom.falclient.support.StubServer;
import dev.darkroom.falclient.support.StubServer.Reply;
import dev.darkroom.falclient.support.TestConfigs;
import dev.darkroom.testsupport.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What is retried and what is not, per call. Waits go to a recording sleeper, so the assertions see exactly how long
 * the client would have waited. Settings: 4 attempts, 100 ms base, 5 s cap.
 */
class RetryTest {

    static final String NGINX_502 = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    static final String NGINX_503 = "<html><head><title>503 Service Temporarily Unavailable</title></head></html>";
    static final JsonNode INPUT = JsonMapper.builder().build().readTree("{\"prompt\":\"a cat\"}");

    final StubServer fal = new StubServer();
    final RecordingSleeper sleeper = new RecordingSleeper();
    final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-05-01T10:00:00Z"));
    final FalClient client =
            new FalClient(TestConfigs.stub(fal.baseUrl(), sleeper).clock(clock).build());

    @AfterEach
    void stop() {
        fal.close();
    }

    @Test
    void aRateLimitedStatusIsRetriedAfterItsRetryAfterSeconds() {
        fal.enqueue(Reply.json(429, "{\"detail\":\"slow down\"}", "Retry-After", "3"), inQueue());

        FalStatus status = client.status(statusUrl(), false);

        assertThat(status).isInstanceOf(FalStatus.InQueue.class);
        assertThat(fal.requests()).hasSize(2);
        assertThat(sleeper.sleeps()).singleElement().isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aRetryAfterHttpDateIsMeasuredWithTheInjectedClock() {
        String inFourSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                clock.instant().plusSeconds(4).atOffset(ZoneOffset.UTC));
        fal.enqueue(Reply.json(429, "{}", "Retry-After", inFourSeconds), inQueue());

        client.status(statusUrl(), false);

        assertThat(sleeper.sleeps()).singleElement().isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void aRetryAfterLongerThanTheMaximumDelayIsSurfacedInsteadOfSleptThrough() {
        fal.enqueue(Reply.json(429, "{}", "Retry-After", "120"));

        Throwable thrown = catchThrowable(() -> client.status(statusUrl(), false));

        assertThat(thrown)
                .isInstanceOfSatisfying(
                        FalRateLimitedException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(120)));
        assertThat(fal.requests()).hasSize(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void aRateLimitedSubmitIsRetriedBecauseFalRefusedIt() {
        fal.enqueue(Reply.json(429, "{\"detail\":\"queue full\"}", "Retry-After", "2"), submitted());

        assertThat(client.submit("fal-ai/flux/dev", INPUT).requestId()).isEqualTo("req-1");
        assertThat(fal.requests()).hasSize(2);
        assertThat(sleeper.sleeps()).singleElement().isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void anIngress502IsRetriedOnStatusAndResult() {
        fal.enqueue(
                Reply.text(502, "text/html", NGINX_502),
                inQueue(),
                Reply.text(502, "text/html", NGINX_502),
                Reply.json(200, "{\"images\":[]}", "x-fal-request-id", "r"));

        assertThat(client.status(statusUrl(), false)).isInstanceOf(FalStatus.InQueue.class);
        assertThat(client.result(fal.url("/queue/fal-ai/flux/requests/r")).requestId())
                .isEqualTo("r");
        assertThat(fal.requests()).hasSize(4);
        assertThat(sleeper.sleeps()).hasSize(2);
    }

    @Test
    void anIngress502OnSubmitIsNotRetriedButUncertain() {
        fal.enqueue(Reply.text(502, "text/html", NGINX_502), submitted());

        Throwable thrown = catchThrowable(() -> client.submit("fal-ai/flux/dev", INPUT));

        assertThat(thrown).isInstanceOfSatisfying(FalSubmitUncertainException.class, e -> {
            assertThat(e.retryable()).isFalse();
            assertThat(e.status()).isEqualTo(502);
            assertThat(e.failure())
                    .isInstanceOfSatisfying(
                            FalServerException.class,
                            cause -> assertThat(cause.ingress()).isTrue());
        });
        assertThat(fal.requests()).as("sent exactly once").hasSize(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void anIngress503WithoutRequestIdOnSubmitIsRetriedBecauseItNeverPassedTheEdge() {
        fal.enqueue(Reply.text(503, "text/html", NGINX_503), submitted());

        assertThat(client.submit("fal-ai/flux/dev", INPUT).requestId()).isEqualTo("req-1");
        assertThat(fal.requests()).hasSize(2);
    }

    @Test
    void a503WithRequestIdOnSubmitIsUncertain() {
        fal.enqueue(Reply.json(503, "{\"detail\":\"x\"}", "x-fal-request-id", "r"), submitted());

        assertThat(catchThrowable(() -> client.submit("fal-ai/flux/dev", INPUT)))
                .isInstanceOf(FalSubmitUncertainException.class);
        assertThat(fal.requests()).hasSize(1);
    }

    @Test
    void aValidationErrorIsNeverRetried() {
        fal.enqueue(Reply.json(
                422, "{\"detail\":[{\"loc\":[\"body\",\"prompt\"],\"msg\":\"field required\",\"type\":\"missing\"}]}"));

        assertThat(catchThrowable(() -> client.submit("fal-ai/flux/dev", INPUT)))
                .isInstanceOf(FalValidationException.class);
        assertThat(fal.requests()).hasSize(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void aResultsStored5xxIsNotRetriedBecauseItIsTheRequestsOutcome() {
        fal.enqueue(Reply.json(
                503,
                "{\"detail\":\"Runner disconnected\",\"error_type\":\"runner_disconnected\"}",
                "x-fal-request-id",
                "r"));

        assertThat(catchThrowable(() -> client.result(fal.url("/queue/fal-ai/flux/requests/r"))))
                .isInstanceOf(FalRequestException.class);
        assertThat(fal.requests()).hasSize(1);
    }

    @Test
    void aUserStartTimeoutIsNotRetried() {
        fal.enqueue(Reply.json(504, "{\"detail\":\"Request timed out\"}", "X-Fal-Request-Timeout-Type", "user"));

        assertThat(catchThrowable(() -> client.status(statusUrl(), false))).isInstanceOf(FalServerException.class);
        assertThat(fal.requests()).hasSize(1);
    }

    @Test
    void persistent5xxIsTriedMaxAttemptsTimesWithGrowingJitteredBackoff() {
        fal.otherwise(r -> Reply.text(503, "text/html", NGINX_503));

        assertThat(catchThrowable(() -> client.status(statusUrl(), false))).isInstanceOf(FalServerException.class);

        assertThat(fal.requests()).hasSize(4);
        assertThat(sleeper.sleeps()).hasSize(3);
        // equal jitter: attempt n waits between half and all of 100 ms * 2^(n-1)
        assertThat(sleeper.sleeps().get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(sleeper.sleeps().get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(sleeper.sleeps().get(2)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void aRefusedConnectionIsRetriedEvenOnSubmitBecauseNothingWasSent() throws IOException {
        String closedPort = closedPortUrl();
        FalClient unreachable =
                new FalClient(TestConfigs.stub(closedPort, sleeper).build());

        Throwable thrown = catchThrowable(() -> unreachable.submit("fal-ai/flux/dev", INPUT));

        assertThat(thrown).isInstanceOfSatisfying(FalTransportException.class, e -> {
            assertThat(e.mayHaveBeenSent()).isFalse();
            assertThat(e.status()).isZero();
        });
        assertThat(sleeper.sleeps()).as("three retries after the first attempt").hasSize(3);
    }

    @Test
    void aResetAfterTheRequestWasSentMakesASubmitUncertainButIsRetriedForStatus() {
        try (ResettingServer resetting = new ResettingServer()) {
            FalClient flaky =
                    new FalClient(TestConfigs.stub(resetting.baseUrl(), sleeper).build());

            Throwable submit = catchThrowable(() -> flaky.submit("fal-ai/flux/dev", INPUT));
            int afterSubmit = resetting.connections();
            Throwable status = catchThrowable(
                    () -> flaky.status(resetting.baseUrl() + "/queue/fal-ai/flux/requests/r/status", false));

            assertThat(submit)
                    .isInstanceOfSatisfying(
                            FalSubmitUncertainException.class,
                            e -> assertThat(e.failure())
                                    .isInstanceOfSatisfying(
                                            FalTransportException.class,
                                            t -> assertThat(t.mayHaveBeenSent()).isTrue()));
            assertThat(afterSubmit).as("the submit went out once").isEqualTo(1);
            assertThat(status).isInstanceOf(FalTransportException.class);
            assertThat(sleeper.sleeps())
                    .as("status tried four times, the submit once")
                    .hasSize(3);
            // the JDK client itself re-sends an idempotent GET once on a reset connection, never a POST
            assertThat(resetting.connections() - afterSubmit).isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void aReadTimeoutOnSubmitIsUncertain() {
        CountDownLatch release = new CountDownLatch(1);
        fal.enqueue(Reply.hangUntil(release));
        FalClient impatient = new FalClient(TestConfigs.stub(fal.baseUrl(), sleeper)
                .requestTimeout(Duration.ofMillis(300))
                .build());
        try {
            Throwable thrown = catchThrowable(() -> impatient.submit("fal-ai/flux/dev", INPUT));

            assertThat(thrown)
                    .isInstanceOfSatisfying(
                            FalSubmitUncertainException.class,
                            e -> assertThat(e.failure()).isInstanceOf(FalTransportException.class));
            assertThat(fal.requests()).hasSize(1);
        } finally {
            release.countDown();
        }
    }

    private String statusUrl() {
        return fal.url("/queue/fal-ai/flux/requests/r/status");
    }

    private static Reply inQueue() {
        return Reply.json(202, "{\"status\":\"IN_QUEUE\",\"request_id\":\"r\",\"queue_position\":0}");
    }

    private static Reply submitted() {
        return Reply.json(200, "{\"status\":\"IN_QUEUE\",\"request_id\":\"req-1\"}");
    }

    /** A port nothing listens on: bound, then released. */
    private static String closedPortUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }
}
