package dev.darkroom.falclient.support;

import dev.darkroom.falclient.FalClientConfig;
import dev.darkroom.falclient.http.RetrySettings;
import dev.darkroom.falclient.http.Sleeper;
import java.time.Duration;

/** Configurations for tests: short timeouts, fast backoff, a sleeper that only records. */
public final class TestConfigs {

    public static final String KEY = "test-key-id:test-key-secret-0123456789";

    private TestConfigs() {}

    /** fal's hosts under path prefixes on the stub, like fal-sim lays them out. */
    public static FalClientConfig.Builder stub(String baseUrl, Sleeper sleeper) {
        return FalClientConfig.builder()
                .simulator(baseUrl)
                .apiKey(KEY)
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(5))
                .retry(new RetrySettings(4, Duration.ofMillis(100), Duration.ofSeconds(5)))
                .sleeper(sleeper);
    }
}
