package dev.darkroom.falclient.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SubmitOptionsTest {

    @Test
    void aStartTimeoutIsAtLeastOneSecondAsFalsClientsRequire() {
        assertThatThrownBy(() -> SubmitOptions.builder()
                        .startTimeout(Duration.ofMillis(999))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 s");

        assertThat(SubmitOptions.builder()
                        .startTimeout(Duration.ofSeconds(1))
                        .build()
                        .requestHeaders())
                .containsEntry("X-Fal-Request-Timeout", "1");
    }
}
