package dev.darkroom.falclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.darkroom.falclient.http.RetrySettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FalClientConfigTest {

    @Test
    void defaultsPointAtTheRealFal() {
        FalClientConfig config = FalClientConfig.builder().apiKey("id:secret").build();

        assertThat(config.queueBaseUrl()).hasToString("https://queue.fal.run");
        assertThat(config.restBaseUrl()).hasToString("https://rest.fal.ai");
        assertThat(config.cdnBaseUrl()).hasToString("https://v3.fal.media");
        assertThat(config.jwksUrl()).hasToString("https://rest.fal.ai/.well-known/jwks.json");
        assertThat(config.webhookTimestampTolerance()).isEqualTo(Duration.ofSeconds(300));
        assertThat(config.jwksCacheTtl()).isLessThanOrEqualTo(Duration.ofHours(24));
        assertThat(config.retry()).isEqualTo(RetrySettings.DEFAULTS);
    }

    @Test
    void simulatorPutsEveryHostUnderItsPrefix() {
        FalClientConfig config =
                FalClientConfig.builder().simulator("http://127.0.0.1:8090/").build();

        assertThat(config.queueBaseUrl()).hasToString("http://127.0.0.1:8090/queue");
        assertThat(config.restBaseUrl()).hasToString("http://127.0.0.1:8090/rest");
        assertThat(config.cdnBaseUrl()).hasToString("http://127.0.0.1:8090/cdn");
        assertThat(config.jwksUrl()).hasToString("http://127.0.0.1:8090/rest/.well-known/jwks.json");
    }

    @Test
    void theKeyNeverShowsInToString() {
        FalClientConfig config =
                FalClientConfig.builder().apiKey("key-id:very-secret-part").build();

        assertThat(config.toString())
                .doesNotContain("very-secret-part")
                .doesNotContain("key-id")
                .contains("****");
        assertThat(config.toBuilder().build().apiKey()).isEqualTo("key-id:very-secret-part");
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FalClientConfig.builder()
                        .jwksCacheTtl(Duration.ofHours(25))
                        .build());
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        FalClientConfig.builder().queueBaseUrl("queue.fal.run").build());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FalClientConfig.builder()
                        .restBaseUrl("ftp://rest.fal.ai")
                        .build());
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        FalClientConfig.builder().requestTimeout(Duration.ZERO).build());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetrySettings(0, Duration.ofSeconds(1), Duration.ofSeconds(2)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FalClient(FalClientConfig.builder().build()));
    }
}
