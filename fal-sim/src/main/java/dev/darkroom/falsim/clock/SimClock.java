package dev.darkroom.falsim.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulator's clock: real time plus an offset that {@code POST /_sim/clock/advance} moves forward, so tests can
 * expire results and CDN files without waiting an hour. Timers that model durations (model time, webhook retries)
 * still run on real time; only what is compared against timestamps (retention, lifetimes, webhook timestamps) moves.
 */
public final class SimClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    public SimClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private SimClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    /** Moves this clock forward (or back, for a negative amount). */
    public void advance(Duration amount) {
        offset.accumulateAndGet(amount, Duration::plus);
    }

    /** Back to real time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SimClock(base.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    /** A clock on real UTC time. */
    public static SimClock system() {
        return new SimClock(Clock.system(ZoneOffset.UTC));
    }
}
