package dev.darkroom.orchestrator.webhooks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Wakes the webhook sender of every replica within milliseconds of the commit that created a delivery.
 *
 * <p>Postgres LISTEN/NOTIFY rather than a RabbitMQ fanout: a {@code NOTIFY} is part of the transaction that
 * inserts the deliveries, so Postgres sends it exactly when, and only if, that transaction commits, to every
 * listening replica, with nothing to publish after commit and no broker round trip in the path. Each replica
 * holds one connection of its own for this (outside the pool; LISTEN does not survive a pooled connection being
 * handed to someone else, nor PgBouncer's transaction mode). A notification carries nothing: the sender re-reads
 * what is due, so a lost one costs at most the sender's fallback poll, and after a reconnect the sender looks at
 * once.
 */
@Component
class WebhookWakeup implements SmartLifecycle {

    static final String CHANNEL = "darkroom_webhooks";
    private static final Logger log = LoggerFactory.getLogger(WebhookWakeup.class);
    private static final Duration RECONNECT_WAIT = Duration.ofSeconds(2);

    private final TenantWebhookSender sender;
    private final DataSourceProperties dataSource;
    private final Semaphore stopped = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    WebhookWakeup(TenantWebhookSender sender, DataSourceProperties dataSource) {
        this.sender = sender;
        this.dataSource = dataSource;
    }

    /** Queues a notification in the current transaction; Postgres delivers it on commit. */
    static void notifyOnCommit(JdbcClient jdbc) {
        jdbc.sql("notify " + CHANNEL).update();
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::listen, "tenant-webhooks-wakeup");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        stopped.release();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(
                    dataSource.determineUrl(), dataSource.determineUsername(), dataSource.determinePassword())) {
                try (Statement s = connection.createStatement()) {
                    s.execute("listen " + CHANNEL);
                }
                // notifications sent while this replica was not listening are lost: look now
                sender.nudge();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications((int) RECONNECT_WAIT.toMillis());
                    if (notifications != null && notifications.length > 0) {
                        sender.nudge();
                    }
                }
            } catch (SQLException e) {
                log.warn("webhook wake-up connection lost; reconnecting in {}", RECONNECT_WAIT, e);
                try {
                    stopped.tryAcquire(RECONNECT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
