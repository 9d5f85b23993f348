package dev.darkroom.falsim.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.falsim.AlternateConfigTestBase;
import dev.darkroom.falsim.SimClient.Response;
import org.junit.jupiter.api.Test;

class ValidateAtSubmitTest extends AlternateConfigTestBase {

    @Test
    void withValidationAtSubmitABadBodyIsRejectedAndNothingIsQueued() {
        Response response = sim.submit("fal-ai/flux/dev", "{\"num_images\":7}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.header("x-fal-request-id")).isNull();
        assertThat(response.json().get("detail").toString()).contains("\"missing\"");
        assertThat(sim.send("GET", "/_sim/requests", null, false).json()).isEmpty();
    }

    @Test
    void aGoodBodyIsStillQueued() {
        assertThat(sim.submit("fal-ai/flux/dev", "{\"prompt\":\"fine\"}").status())
                .isEqualTo(200);
    }
}
