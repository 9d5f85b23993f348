package dev.darkroom.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Embedded Postgres 17 whose data directory survives restarts, with a {@code darkroom} database. */
final class PostgresService implements RunningService {

    static final String DATABASE = "darkroom";
    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    private static final Logger log = LoggerFactory.getLogger(PostgresService.class);

    private final EmbeddedPostgres postgres;
    private final int port;

    private PostgresService(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    static PostgresService start(Path dataDir, int port) throws IOException, SQLException {
        Path dir = dataDir.resolve("postgres");
        stopOrphanedPostmaster(dir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPort(port)
                // zonky starts postgres with fsync off, which is fine for throw-away test data but can corrupt a
                // data directory that is meant to survive a machine crash
                .setServerConfig("fsync", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                .setPGStartupWait(Duration.ofSeconds(60))
                // the devstack stops it from its own shutdown hook, in order
                .setRegisterShutdownHook(false)
                .start();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            if (!exists(s)) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            postgres.close();
            throw e;
        }
        return new PostgresService(postgres, port);
    }

    private static boolean exists(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            return rs.next();
        }
    }

    /**
     * A devstack killed with SIGKILL leaves its postmaster running on the data directory; a new one could not start.
     */
    private static void stopOrphanedPostmaster(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().orElse("").endsWith("postgres"));
        if (postmaster.isPresent()) {
            log.warn("Stopping postmaster {} left running on {} by an earlier devstack", pid, dir);
            postmaster.get().destroy();
            postmaster.get().onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
    }

    @Override
    public String readyLine() {
        return "postgres " + jdbcUrl() + " user=" + USER;
    }

    @Override
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PG_URL", jdbcUrl());
        env.put("PG_USER", USER);
        env.put("PG_PASSWORD", PASSWORD);
        return env;
    }

    private String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("Postgres did not stop cleanly", e);
        }
    }
}
