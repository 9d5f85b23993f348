package dev.darkroom.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock tests move by hand, in UTC. {@link #startingAt} stands still until moved, for unit tests that
 * compute exact times; {@link #system} runs with the system clock, shifted by what the test moved, for integration
 * tests whose other parts (Postgres, the broker, fal-sim) keep real time.
 */
public final class MutableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    private MutableClock(Clock base) {
        this.base = base;
    }

    /** A clock that shows {@code start} until it is moved. */
    public static MutableClock startingAt(Instant start) {
        return new MutableClock(Clock.fixed(start, ZoneOffset.UTC));
    }

    /** The system clock, moved by {@link #advance}. */
    public static MutableClock system() {
        return new MutableClock(Clock.systemUTC());
    }

    /** Moves the clock forward (or back, for a negative duration). */
    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }

    /** Undoes every move. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Darkroom works in UTC");
    }
}
