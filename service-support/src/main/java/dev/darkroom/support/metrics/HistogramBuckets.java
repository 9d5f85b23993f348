package dev.darkroom.support.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import org.springframework.boot.convert.DurationStyle;

/**
 * Gives the timers operators chart (HTTP server and client requests, AMQP listeners, every {@code darkroom.*} timer)
 * explicit {@code _bucket} series, so {@code histogram_quantile} works and aggregates across instances. A timer that
 * sets its own buckets (the job lifecycle's, which run for minutes) keeps them. Explicit buckets rather than
 * Micrometer's percentile histogram: a dozen series per timer instead of ~70, with edges that match the alerts.
 */
public final class HistogramBuckets implements MeterFilter {

    /** Request-sized latencies: 5 ms to 30 s. */
    public static final Duration[] REQUEST = durations("5ms,10ms,25ms,50ms,100ms,250ms,500ms,1s,2500ms,5s,10s,30s");

    /** Job-sized latencies (a job end to end, its wait for a slot, its time at fal): 1 s to 1 h. */
    public static final Duration[] JOB = durations("1s,2s,5s,10s,20s,30s,1m,2m,5m,10m,30m,1h");

    private static final Set<String> FRAMEWORK_TIMERS =
            Set.of("http.server.requests", "http.client.requests", "spring.rabbit.listener", "spring.rabbit.template");

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() != Meter.Type.TIMER || !charted(id.getName()) || hasBuckets(config)) {
            return config;
        }
        return DistributionStatisticConfig.builder()
                .serviceLevelObjectives(
                        Arrays.stream(REQUEST).mapToDouble(Duration::toNanos).toArray())
                .build()
                .merge(config);
    }

    private static boolean charted(String name) {
        return FRAMEWORK_TIMERS.contains(name) || name.startsWith("darkroom");
    }

    private static boolean hasBuckets(DistributionStatisticConfig config) {
        double[] slos = config.getServiceLevelObjectiveBoundaries();
        return slos != null && slos.length > 0;
    }

    private static Duration[] durations(String list) {
        return Arrays.stream(list.split(",")).map(DurationStyle::detectAndParse).toArray(Duration[]::new);
    }
}
