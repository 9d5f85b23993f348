package dev.darkroom.orchestrator.events;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The open streams of this replica, and what wakes them. Fan-out across replicas is Postgres LISTEN/NOTIFY rather
 * than a RabbitMQ fanout exchange: the events are rows the committing transaction wrote, and a NOTIFY sent by that
 * transaction (the {@code job_event} trigger) is delivered exactly when it commits, so no relay has to publish after
 * commit and no per-replica queue has to exist. One dedicated connection per replica listens (outside the pool, so
 * it never takes a pooled connection); a notification names the tenant, whose streams then read the table. Since a
 * notification can be lost while that connection reconnects, every stream also looks every {@code sweep}.
 */
@Component
class EventStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);
    private static final String CHANNEL = "darkroom_job_events";

    private final DataSourceProperties database;
    private final JobEventsProperties properties;
    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();
    private ExecutorService pumps;
    private ScheduledExecutorService sweeper;
    private volatile boolean running;
    private Thread listener;

    EventStreams(DataSourceProperties database, JobEventsProperties properties) {
        this.database = database;
        this.properties = properties;
    }

    /** Starts following a stream: it is sent what is already there, then whatever comes. */
    void add(EventStream stream) {
        open.add(stream);
        pumps.execute(() -> pump(stream));
    }

    void remove(EventStream stream) {
        stream.close();
        open.remove(stream);
    }

    int openStreams() {
        return open.size();
    }

    private void pump(EventStream stream) {
        try {
            if (!stream.pump()) {
                open.remove(stream);
            }
        } catch (RuntimeException e) {
            log.warn("an event stream failed to read its events; it tries again on the next wake-up", e);
        }
    }

    private void wake(UUID tenantId) {
        open.stream()
                .filter(s -> tenantId == null || s.tenantId().equals(tenantId))
                .forEach(s -> pumps.execute(() -> pump(s)));
    }

    private void listen() {
        while (running) {
            try (Connection c = DriverManager.getConnection(
                    database.determineUrl(), database.determineUsername(), database.determinePassword())) {
                try (Statement st = c.createStatement()) {
                    st.execute("listen " + CHANNEL);
                }
                // what was written while this connection was down is found by reading, not by notifications
                wake(null);
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            wake(UUID.fromString(n.getParameter()));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("job event listener lost its connection; reconnecting", e);
                    pause(properties.sweep().toMillis());
                }
            }
        }
    }

    private void sweep() {
        try {
            open.forEach(s -> s.heartbeat(properties.heartbeat()));
            open.removeIf(EventStream::closed);
            wake(null);
        } catch (RuntimeException e) {
            log.warn("job event sweep failed; it runs again in {}", properties.sweep(), e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        // reads are short queries; a few threads serve every stream of the replica
        pumps = Executors.newFixedThreadPool(4, daemon("job-events-pump"));
        sweeper = Executors.newSingleThreadScheduledExecutor(daemon("job-events-sweep"));
        long every = properties.sweep().toMillis();
        sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
        listener = daemon("job-events-listen").newThread(this::listen);
        listener.start();
    }

    /**
     * Stops before the web server's graceful shutdown (a later phase), so open streams end and their clients
     * reconnect elsewhere instead of holding the shutdown until its timeout.
     */
    @Override
    public synchronized void stop() {
        running = false;
        open.forEach(EventStream::close);
        open.clear();
        listener.interrupt();
        sweeper.shutdownNow();
        pumps.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
