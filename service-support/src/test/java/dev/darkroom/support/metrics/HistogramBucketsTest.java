package dev.darkroom.support.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HistogramBucketsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    HistogramBucketsTest() {
        registry.config().meterFilter(new HistogramBuckets());
    }

    @Test
    void chartedTimersGetTheRequestBuckets() {
        Timer timer = Timer.builder("http.server.requests").register(registry);
        timer.record(Duration.ofMillis(30));

        assertThat(buckets(timer))
                .containsExactly(Arrays.stream(HistogramBuckets.REQUEST)
                        .mapToDouble(d -> d.toNanos())
                        .boxed()
                        .toArray(Double[]::new));
    }

    @Test
    void aTimerWithItsOwnBucketsKeepsThem() {
        Timer timer = Timer.builder("darkroom_job_duration_seconds")
                .serviceLevelObjectives(HistogramBuckets.JOB)
                .register(registry);

        assertThat(buckets(timer)).hasSize(HistogramBuckets.JOB.length).contains((double)
                Duration.ofHours(1).toNanos());
    }

    @Test
    void otherTimersAreLeftAlone() {
        Timer timer = Timer.builder("jvm.gc.pause").register(registry);

        assertThat(buckets(timer)).isEmpty();
    }

    private static Double[] buckets(Timer timer) {
        return Arrays.stream(timer.takeSnapshot().histogramCounts())
                .map(CountAtBucket::bucket)
                .toArray(Double[]::new);
    }
}
