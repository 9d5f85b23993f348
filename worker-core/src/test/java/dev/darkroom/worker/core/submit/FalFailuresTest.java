package dev.darkroom.worker.core.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.darkroom.contracts.messages.JobError;
import dev.darkroom.falclient.FalClient;
import dev.darkroom.falclient.FalClientConfig;
import dev.darkroom.falclient.errors.FalErrorResponse;
import dev.darkroom.falclient.errors.FalException;
import dev.darkroom.falclient.errors.FalRequestException;
import dev.darkroom.falclient.http.RetrySettings;
import dev.darkroom.testsupport.FalSimServer;
import dev.darkroom.worker.core.support.FalSimAdmin;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** What each way fal refuses a submit means for the job, with fal-sim's real answers. */
class FalFailuresTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static FalSimServer sim;

    @BeforeAll
    static void start() {
        sim = FalSimServer.start(Map.of("fal-sim.queue.validation", "submit"));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void noFaults() {
        new FalSimAdmin(sim.baseUrl()).faults("{}");
    }

    @Test
    void aRefusedInputFailsTheJobWithFalsValidationDetail() {
        FalException e = submitFails(sim.falKey(), "fal-ai/flux/dev", input().put("num_images", 9));

        assertThat(FalFailures.transientFailure(e)).isFalse();
        JobError error = FalFailures.jobError(e);
        assertThat(error.code()).isEqualTo("fal_validation_error");
        assertThat(error.message())
                .isEqualTo("fal rejected the input: body.num_images: Input should be less than or equal to 4.");
        assertThat(error.falDetail().path("detail").get(0).path("type").asString())
                .isEqualTo("less_than_equal");
    }

    @Test
    void anUnknownKeyFailsTheJobWithoutLeakingTheKey() {
        FalException e = submitFails("nobody:wrong-secret", "fal-ai/flux/dev", input());

        assertThat(FalFailures.transientFailure(e)).isFalse();
        JobError error = FalFailures.jobError(e);
        assertThat(error.code()).isEqualTo("fal_unauthorized");
        assertThat(error.message()).startsWith("fal refused the request (HTTP 401): ");
        assertThat(error.message() + error.falDetail()).doesNotContain("wrong-secret");
    }

    @Test
    void anUnknownEndpointFailsTheJob() {
        FalException e = submitFails(sim.falKey(), "fal-ai/not-a-model", input());

        assertThat(FalFailures.transientFailure(e)).isFalse();
        assertThat(FalFailures.jobError(e).code()).isEqualTo("fal_not_found");
        assertThat(FalFailures.jobError(e).message()).isEqualTo("fal refused the request (HTTP 404): Not Found");
    }

    @Test
    void aRateLimitIsTransient() {
        new FalSimAdmin(sim.baseUrl()).faults("{\"submit_429_rate\": 1.0}");

        FalException e = submitFails(sim.falKey(), "fal-ai/flux/dev", input());

        assertThat(e.status()).isEqualTo(429);
        assertThat(FalFailures.transientFailure(e)).isTrue();
    }

    @Test
    void aSubmitWhoseAnswerWasLostIsTransientThoughFalCallsItNotRetryable() {
        new FalSimAdmin(sim.baseUrl()).faults("{\"submit_response_lost_rate\": 1.0}");

        FalException e = submitFails(sim.falKey(), "fal-ai/flux/dev", input());

        assertThat(e.retryable()).isFalse();
        assertThat(FalFailures.transientFailure(e)).isTrue();
    }

    @Test
    void falsOwnErrorTypeBecomesTheJobsCode() {
        FalErrorResponse response = new FalErrorResponse(
                "POST /queue/fal-ai/flux/dev",
                400,
                "req-1",
                "content_policy_violation",
                null,
                false,
                null,
                JSON.readTree("{\"detail\":\"flagged\",\"error_type\":\"content_policy_violation\"}"));

        JobError error = FalFailures.jobError(new FalRequestException("refused", response, "flagged"));

        assertThat(error.code()).isEqualTo("content_policy_violation");
        assertThat(error.message()).isEqualTo("fal refused the request (HTTP 400): flagged");
        assertThat(error.falDetail().path("detail").asString()).isEqualTo("flagged");
    }

    private static FalException submitFails(String key, String endpoint, ObjectNode input) {
        FalClient client = new FalClient(FalClientConfig.builder()
                .simulator(sim.baseUrl())
                .apiKey(key)
                .retry(RetrySettings.NONE)
                .build());
        return catchThrowableOfType(FalException.class, () -> client.submit(endpoint, input));
    }

    private static ObjectNode input() {
        return JsonNodeFactory.instance.objectNode().put("prompt", "a fox");
    }
}
