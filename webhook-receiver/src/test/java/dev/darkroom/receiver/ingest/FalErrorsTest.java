package dev.darkroom.receiver.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.contracts.messages.JobError;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FalErrorsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aFlatRequestErrorKeepsFalsErrorTypeAndDetail() {
        JsonNode payload = json.readTree("{\"detail\":\"Request timed out\",\"error_type\":\"request_timeout\"}");

        JobError error = FalErrors.fromWebhook(payload, "Invalid status code: 504", null);

        assertThat(error).isEqualTo(new JobError("request_timeout", "Request timed out", payload));
    }

    @Test
    void aValidationErrorNamesTheFirstProblemAndCountsTheRest() {
        JsonNode payload = json.readTree("{\"detail\":[{\"loc\":[\"body\",\"prompt\"],\"msg\":\"field required\","
                + "\"type\":\"value_error.missing\"},{\"msg\":\"too small\"},{\"msg\":\"too large\"}]}");

        JobError error = FalErrors.fromWebhook(payload, "Invalid status code: 422", null);

        assertThat(error)
                .isEqualTo(new JobError("fal_validation_error", "field required (and 2 more problems)", payload));
    }

    @Test
    void aStringDetailWithoutErrorTypeIsAGenericFalError() {
        JsonNode payload = json.readTree("{\"detail\":\"Not Found\"}");

        assertThat(FalErrors.fromWebhook(payload, "Invalid status code: 404", null))
                .isEqualTo(new JobError("fal_error", "Not Found", payload));
    }

    @Test
    void anErrorWithoutPayloadUsesFalsErrorMessage() {
        assertThat(FalErrors.fromWebhook(null, "Invalid status code: 404", "payload missing"))
                .isEqualTo(new JobError("fal_error", "Invalid status code: 404", null));
        assertThat(FalErrors.fromWebhook(null, null, null))
                .isEqualTo(new JobError("fal_error", "fal reported an error without a message", null));
    }
}
