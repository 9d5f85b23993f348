package dev.darkroom.falclient.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.darkroom.falclient.FalClient;
import dev.darkroom.falclient.http.RetrySettings;
import dev.darkroom.falclient.support.RecordingSleeper;
import dev.darkroom.falclient.support.StubServer;
import dev.darkroom.falclient.support.StubServer.Reply;
import dev.darkroom.falclient.support.TestConfigs;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every error shape fal is known to answer with (docs/fal-protocol.md#errors) becomes the matching exception, with
 * status, request id, error type, body and retryability. Retries are off here: {@code RetryTest} covers them.
 */
class ErrorShapesTest {

    final StubServer fal = new StubServer();
    final FalClient client = new FalClient(TestConfigs.stub(fal.baseUrl(), new RecordingSleeper())
            .retry(RetrySettings.NONE)
            .build());

    @AfterEach
    void stop() {
        fal.close();
    }

    @Test
    void a422WithDetailArrayIsAValidationErrorWithEveryField() {
        fal.enqueue(Reply.json(422, """
                {"detail":[
                  {"loc":["body","image_url"],"msg":"Image dimensions are too small. Minimum 512x512.",
                   "type":"image_too_small","url":"https://docs.fal.ai/errors/#image_too_small",
                   "ctx":{"min_height":512,"min_width":512},"input":"https://example.com/small.png"},
                  {"loc":["body","loras",0,"scale"],"msg":"must be <= 4","type":"less_than_equal"}]}""", "x-fal-request-id", "req-9"));

        FalValidationException e = failure(FalValidationException.class);

        assertThat(e.status()).isEqualTo(422);
        assertThat(e.requestId()).isEqualTo("req-9");
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage())
                .endsWith("422: body.image_url: Image dimensions are too small. Minimum 512x512. (and 1 more)");
        FieldError first = e.fieldErrors().get(0);
        assertThat(first.loc()).containsExactly("body", "image_url");
        assertThat(first.type()).isEqualTo("image_too_small");
        assertThat(first.url()).isEqualTo("https://docs.fal.ai/errors/#image_too_small");
        assertThat(first.ctx().path("min_width").asInt()).isEqualTo(512);
        assertThat(first.input().asString()).isEqualTo("https://example.com/small.png");
        FieldError second = e.fieldErrors().get(1);
        assertThat(second.loc()).containsExactly("body", "loras", 0, "scale");
        assertThat(second.path()).isEqualTo("body.loras.0.scale");
        assertThat(second.url()).isNull();
        assertThat(second.ctx().isMissingNode()).isTrue();
    }

    @Test
    void aFlatDetailWithErrorTypeIsARequestErrorRetryableByType() {
        fal.enqueue(
                Reply.json(
                        503,
                        "{\"detail\":\"Runner disconnected\",\"error_type\":\"runner_disconnected\"}",
                        "X-Fal-Error-Type",
                        "runner_disconnected",
                        "x-fal-request-id",
                        "r"),
                Reply.json(400, "{\"detail\":\"Bad request\",\"error_type\":\"bad_request\"}"),
                Reply.json(500, "{\"detail\":\"Runner crashed\",\"error_type\":\"runner_server_error\"}"));

        FalRequestException transientError = failure(FalRequestException.class);
        FalRequestException clientError = failure(FalRequestException.class);
        FalRequestException serverError = failure(FalRequestException.class);

        assertThat(transientError.detail()).isEqualTo("Runner disconnected");
        assertThat(transientError.errorType()).isEqualTo("runner_disconnected");
        assertThat(transientError.retryable()).isTrue();
        assertThat(clientError.errorType()).as("from the body when no header").isEqualTo("bad_request");
        assertThat(clientError.retryable()).isFalse();
        assertThat(serverError.retryable()).isFalse();
    }

    @Test
    void theErrorTypeHeaderWinsOverTheBody() {
        fal.enqueue(Reply.json(
                504, "{\"detail\":\"x\",\"error_type\":\"from_body\"}", "X-Fal-Error-Type", "request_timeout"));

        assertThat(failure(FalRequestException.class).errorType()).isEqualTo("request_timeout");
    }

    @Test
    void theCallersOwnStartTimeoutIsNotRetryable() {
        fal.enqueue(Reply.json(
                504,
                "{\"detail\":\"Request timed out\",\"error_type\":\"startup_timeout\"}",
                "X-Fal-Request-Timeout-Type",
                "user"));

        FalRequestException e = failure(FalRequestException.class);

        assertThat(e.response().userTimeout()).isTrue();
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void aPlainStringBodyIsKeptAsText() {
        fal.enqueue(Reply.json(500, "\"Internal Server Error\"", "x-fal-request-id", "r"));

        FalServerException e = failure(FalServerException.class);

        assertThat(e.body().isString()).isTrue();
        assertThat(e.body().asString()).isEqualTo("Internal Server Error");
        assertThat(e.getMessage()).endsWith("500: Internal Server Error");
        assertThat(e.ingress()).isFalse();
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void anNginxPageWithoutRequestIdIsARetryableIngressError() {
        String html = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
                + "</center><hr><center>nginx</center></body></html>" + " ".repeat(5_000);
        fal.enqueue(Reply.text(502, "text/html", html));

        FalServerException e = failure(FalServerException.class);

        assertThat(e.status()).isEqualTo(502);
        assertThat(e.ingress()).isTrue();
        assertThat(e.retryable()).isTrue();
        assertThat(e.body().asString()).startsWith("<html>").hasSize(2_000);
        assertThat(e.getMessage())
                .contains("502 Bad Gateway 502 Bad Gateway nginx")
                .doesNotContain("<");
    }

    @Test
    void authenticationForbiddenAndNotFoundAreTheirOwnTypesAndNeverRetryable() {
        fal.enqueue(
                Reply.json(401, "{\"detail\":\"No user found for Key ID and Secret\"}"),
                Reply.json(
                        403,
                        "{\"detail\":\"User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing.\"}"),
                Reply.json(403, "{\"detail\":\"Forbidden\"}"),
                Reply.json(404, "{\"detail\":\"Not Found\"}"));

        FalAuthenticationException unauthorized = failure(FalAuthenticationException.class);
        FalForbiddenException locked = failure(FalForbiddenException.class);
        FalForbiddenException forbidden = failure(FalForbiddenException.class);
        FalNotFoundException notFound = failure(FalNotFoundException.class);

        assertThat(unauthorized.getMessage()).endsWith("401: No user found for Key ID and Secret");
        assertThat(locked.accountLocked()).isTrue();
        assertThat(forbidden.accountLocked()).isFalse();
        assertThat(List.of(unauthorized, locked, forbidden, notFound)).noneMatch(FalException::retryable);
    }

    @Test
    void a429CarriesRetryAfter() {
        fal.enqueue(Reply.json(429, "{\"detail\":\"Queue is full\"}", "Retry-After", "7"));

        FalRateLimitedException e = failure(FalRateLimitedException.class);

        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void xFalRetryableOverridesTheDefaultEitherWay() {
        fal.enqueue(
                Reply.text(503, "text/plain", "busy", "X-Fal-Retryable", "false"),
                Reply.json(500, "{\"detail\":\"flaky\"}", "X-Fal-Retryable", "true"),
                Reply.json(429, "{\"detail\":\"no\"}", "X-Fal-Retryable", "0"));

        assertThat(failure(FalServerException.class).retryable()).isFalse();
        assertThat(failure(FalServerException.class).retryable()).isTrue();
        assertThat(failure(FalRateLimitedException.class).retryable()).isFalse();
    }

    @Test
    void theKeyIsScrubbedFromAnythingFalEchoesBack() {
        fal.enqueue(Reply.json(
                401, "{\"detail\":\"Key " + TestConfigs.KEY + " is unknown; secret test-key-secret-0123456789 too\"}"));

        FalAuthenticationException e = failure(FalAuthenticationException.class);

        assertThat(e.getMessage()).doesNotContain("test-key-secret-0123456789").contains("Key *** is unknown");
        assertThat(e.body().toString()).doesNotContain("test-key-secret-0123456789");
    }

    @Test
    void anEmptyErrorBodyStillMapsByStatus() {
        fal.enqueue(new Reply(503, java.util.Map.of(), new byte[0], null));

        FalServerException e = failure(FalServerException.class);

        assertThat(e.body().isMissingNode()).isTrue();
        assertThat(e.getMessage()).endsWith("answered 503");
    }

    @Test
    void aRedirectIsNotFollowedButReportedAsUnexpected() {
        fal.enqueue(Reply.json(302, "{}", "Location", "https://elsewhere.example.com/"));

        assertThat(failure(FalUnexpectedResponseException.class).status()).isEqualTo(302);
    }

    private <T extends FalException> T failure(Class<T> type) {
        Throwable thrown = catchThrowable(() -> client.status(fal.url("/queue/fal-ai/flux/requests/r/status"), false));
        assertThat(thrown).isInstanceOf(type);
        return type.cast(thrown);
    }
}
