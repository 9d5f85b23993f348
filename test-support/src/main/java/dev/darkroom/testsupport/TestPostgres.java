package dev.darkroom.testsupport;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A Postgres server that hands out a fresh database per test context, so test classes never see each other's rows.
 * The databases this JVM created are dropped when it exits; ones left by a killed JVM are swept after six hours.
 */
public final class TestPostgres {

    static final String DATABASE_PREFIX = "darkroom_t_";
    private static final Pattern NAME = Pattern.compile("darkroom_t_([0-9a-z]+)_[0-9a-f]+");
    private static final Duration STALE_AFTER = Duration.ofHours(6);
    private static final Duration EXIT_GRACE = Duration.ofSeconds(10);
    private static final String OBJECT_IN_USE = "55006";
    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static TestPostgres shared;

    private final String serverUrl;
    private final String user;
    private final String password;
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private boolean swept;

    private TestPostgres(String serverUrl, String user, String password) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
    }

    /**
     * The server for this JVM: {@code PG_URL}/{@code PG_USER}/{@code PG_PASSWORD} when set, otherwise a
     * {@code postgres:17-alpine} container started once.
     *
     * @throws IllegalStateException under {@code CI=true} when neither is available
     * @throws org.opentest4j.TestAbortedException elsewhere when neither is available
     */
    public static synchronized TestPostgres shared() {
        if (shared == null) {
            InfraResolver resolver = InfraResolver.system();
            shared = switch (resolver.require(Infra.POSTGRES)) {
                case ENVIRONMENT -> fromEnvironment(resolver);
                case TESTCONTAINERS -> fromContainer();
                default -> throw new IllegalStateException("Postgres is never in-process");
            };
            Runtime.getRuntime().addShutdownHook(new Thread(shared::dropCreated, "darkroom-test-databases"));
        }
        return shared;
    }

    /**
     * A server at an explicit address (e.g. the devstack's). The user needs {@code CREATEDB}.
     *
     * @param jdbcUrl any database on the server the user can connect to
     */
    public static TestPostgres of(String jdbcUrl, String user, String password) {
        return new TestPostgres(maintenanceUrl(jdbcUrl, user, password), user, password);
    }

    static TestPostgres fromEnvironment(InfraResolver resolver) {
        return of(
                resolver.variable("PG_URL"),
                resolver.variable("PG_USER", "postgres"),
                resolver.variable("PG_PASSWORD", ""));
    }

    private static TestPostgres fromContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        return new TestPostgres(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    /** Creates an empty database ({@code darkroom_t_<created>_<random>}) owned by the server's user. */
    public TestDatabase createDatabase() {
        sweepStaleOnce();
        String name = DATABASE_PREFIX + Long.toString(Instant.now().getEpochSecond(), 36) + "_"
                + HexFormat.of().formatHex(randomBytes());
        execute("CREATE DATABASE " + name);
        created.add(name);
        return new TestDatabase(name, JdbcUrls.withDatabase(serverUrl, name), user, password);
    }

    /** Drops a database even while connections to it are open (they are terminated). */
    public void drop(TestDatabase database) {
        dropForced(database.name());
        created.remove(database.name());
    }

    private void dropForced(String name) {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** True when a database of that name exists on the server. */
    public boolean exists(String databaseName) {
        try (Connection c = maintenance();
                var s = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            s.setString(1, databaseName);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot query " + serverUrl, e);
        }
    }

    /** The JDBC URL of the maintenance database the server is administered through. */
    public String serverUrl() {
        return serverUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private void execute(String sql) {
        try (Connection c = maintenance();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("'" + sql + "' failed on " + serverUrl + ": " + e.getMessage(), e);
        }
    }

    private Connection maintenance() throws SQLException {
        return DriverManager.getConnection(serverUrl, user, password);
    }

    /** The URL itself when its database exists, else the server's {@code postgres} database. */
    private static String maintenanceUrl(String jdbcUrl, String user, String password) {
        try (Connection ignored = DriverManager.getConnection(jdbcUrl, user, password)) {
            return jdbcUrl;
        } catch (SQLException e) {
            if ("3D000".equals(e.getSQLState())) {
                return JdbcUrls.withDatabase(jdbcUrl, "postgres");
            }
            throw new IllegalStateException("Cannot connect to " + jdbcUrl + " as " + user + ": " + e.getMessage(), e);
        }
    }

    private synchronized void sweepStaleOnce() {
        if (swept) {
            return;
        }
        swept = true;
        long cutoff = Instant.now().minus(STALE_AFTER).getEpochSecond();
        for (String name : testDatabases()) {
            Matcher m = NAME.matcher(name);
            if (m.matches() && Long.parseLong(m.group(1), 36) < cutoff) {
                try {
                    // without FORCE: a database somebody is still connected to is not stale after all
                    execute("DROP DATABASE IF EXISTS " + name);
                } catch (IllegalStateException e) {
                    log.info("Left stale test database {} in place: {}", name, e.getMessage());
                }
            }
        }
    }

    private List<String> testDatabases() {
        List<String> names = new ArrayList<>();
        try (Connection c = maintenance();
                var s = c.prepareStatement("SELECT datname FROM pg_database WHERE starts_with(datname, ?)")) {
            s.setString(1, DATABASE_PREFIX);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list databases on " + serverUrl, e);
        }
        return names;
    }

    /**
     * Runs at JVM exit, concurrently with Spring's own shutdown hook, which may still be closing a context whose pool
     * is connected here. Forcing the drop straight away would break that context's last rounds of work and stall the
     * exit on its pool's connection timeout, so each database is first dropped politely, retried while it is in use,
     * and forced only once {@link #EXIT_GRACE} has passed.
     */
    private void dropCreated() {
        for (String name : List.copyOf(created)) {
            try {
                try {
                    Awaitility.await("nobody connected to " + name)
                            .atMost(EXIT_GRACE)
                            .pollInterval(Duration.ofMillis(100))
                            .until(() -> dropIfIdle(name));
                } catch (ConditionTimeoutException e) {
                    dropForced(name);
                }
            } catch (RuntimeException e) {
                log.warn("Could not drop test database {} at exit: {}", name, e.getMessage());
            }
        }
    }

    /** Drops the database unless somebody is connected to it; false when it is in use. */
    private boolean dropIfIdle(String name) {
        try (Connection c = maintenance();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            return true;
        } catch (SQLException e) {
            if (OBJECT_IN_USE.equals(e.getSQLState())) {
                return false;
            }
            throw new IllegalStateException("Cannot drop " + name + " on " + serverUrl + ": " + e.getMessage(), e);
        }
    }
}
