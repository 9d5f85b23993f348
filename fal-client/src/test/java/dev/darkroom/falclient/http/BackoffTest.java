package dev.darkroom.falclient.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    final RetrySettings settings = new RetrySettings(10, Duration.ofMillis(200), Duration.ofSeconds(2));

    @Test
    void theWaitDoublesPerAttemptBetweenHalfAndAllOfTheExponentialStep() {
        Backoff least = new Backoff(settings, () -> 0.0);
        Backoff most = new Backoff(settings, () -> 1.0);

        assertThat(least.after(1, null)).contains(Duration.ofMillis(100));
        assertThat(most.after(1, null)).contains(Duration.ofMillis(200));
        assertThat(least.after(3, null)).contains(Duration.ofMillis(400));
        assertThat(most.after(3, null)).contains(Duration.ofMillis(800));
    }

    @Test
    void theWaitNeverExceedsTheMaximumDelayHoweverManyAttempts() {
        Backoff most = new Backoff(settings, () -> 1.0);

        assertThat(most.after(8, null)).contains(Duration.ofSeconds(2));
        assertThat(most.after(1_000, null)).contains(Duration.ofSeconds(2));
    }

    @Test
    void retryAfterIsAFloorUnderTheBackoff() {
        Backoff backoff = new Backoff(settings, () -> 0.5);

        assertThat(backoff.after(1, Duration.ofMillis(1_500))).contains(Duration.ofMillis(1_500));
        assertThat(backoff.after(1, Duration.ofMillis(10))).contains(Duration.ofMillis(150));
    }

    @Test
    void aRetryAfterBeyondTheMaximumDelayMeansGiveUp() {
        Backoff backoff = new Backoff(settings, () -> 0.5);

        assertThat(backoff.after(1, Duration.ofSeconds(3))).isEmpty();
        assertThat(backoff.after(1, Duration.ofSeconds(2))).contains(Duration.ofSeconds(2));
    }
}
