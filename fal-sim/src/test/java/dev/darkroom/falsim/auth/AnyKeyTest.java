package dev.darkroom.falsim.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.falsim.AlternateConfigTestBase;
import org.junit.jupiter.api.Test;

class AnyKeyTest extends AlternateConfigTestBase {

    @Test
    void withAcceptAnyKeyEveryWellFormedKeyIsAccepted() {
        assertThat(sim.send(
                                "POST",
                                "/queue/fal-ai/flux/dev",
                                "{\"prompt\":\"x\"}",
                                false,
                                "Authorization",
                                "Key anyone:anything")
                        .status())
                .isEqualTo(200);
        assertThat(sim.send(
                                "POST",
                                "/queue/fal-ai/flux/dev",
                                "{\"prompt\":\"x\"}",
                                false,
                                "Authorization",
                                "Key not-well-formed")
                        .status())
                .isEqualTo(401);
    }
}
