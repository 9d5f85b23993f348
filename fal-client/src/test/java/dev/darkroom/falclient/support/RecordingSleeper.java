package dev.darkroom.falclient.support;

import dev.darkroom.falclient.http.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Sleeper} that writes the waits down instead of waiting, and can run an action in their place (e.g. lift
 * a fault so the next attempt succeeds).
 */
public final class RecordingSleeper implements Sleeper {

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private volatile Runnable duringSleep = () -> {};

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        duringSleep.run();
    }

    /** What happens while the client "waits". */
    public void duringSleep(Runnable action) {
        this.duringSleep = action;
    }

    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
