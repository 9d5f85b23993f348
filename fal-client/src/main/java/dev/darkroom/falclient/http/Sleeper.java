package dev.darkroom.falclient.http;

import java.time.Duration;

/** Waits between retries. Injected so tests record the waits instead of sitting through them. */
@FunctionalInterface
public interface Sleeper {

    /** Really waits, on the calling thread. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

    void sleep(Duration duration) throws InterruptedException;
}
