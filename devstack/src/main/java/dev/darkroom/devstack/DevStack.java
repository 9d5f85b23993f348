package dev.darkroom.devstack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the components asked for, prints one {@code DEVSTACK <component> ...} line as each is ready, then writes
 * {@code <data-dir>/devstack.env} (shell-sourceable) and prints {@code DEVSTACK ready <file>}. SIGTERM or SIGINT
 * stops everything and removes the file; the data stays for the next start.
 */
public final class DevStack implements AutoCloseable {

    static final String ENV_FILE = "devstack.env";
    private static final Logger log = LoggerFactory.getLogger(DevStack.class);

    private final DevStackConfig config;
    private final List<RunningService> services = new ArrayList<>();
    private final Path envFile;
    private final FileLock lock;
    private boolean closed;
    private boolean stopRequested;

    private DevStack(DevStackConfig config, FileLock lock) {
        this.config = config;
        this.envFile = config.dataDir().resolve(ENV_FILE);
        this.lock = lock;
    }

    public static void main(String[] args) throws InterruptedException {
        DevStackConfig config;
        try {
            config = DevStackConfig.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            // a command-line tool's usage error is for the person typing, before any logging is set up
            System.err.println(e.getMessage());
            System.err.print(DevStackConfig.USAGE);
            System.exit(2);
            return;
        }
        DevStack stack;
        try {
            stack = create(config);
        } catch (IOException | RuntimeException e) {
            log.error("The devstack did not start", e);
            System.exit(1);
            return;
        }
        // registered before anything starts: a SIGTERM during startup must not orphan a postmaster
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "devstack-shutdown"));
        try {
            stack.startAll();
        } catch (Exception e) {
            if (stack.stopRequested()) {
                return; // SIGTERM/SIGINT during startup; the hook stops what started
            }
            log.error("The devstack did not start", e);
            System.exit(1);
            return;
        }
        new CountDownLatch(1).await();
    }

    private static DevStack create(DevStackConfig config) throws IOException {
        Path dataDir = Files.createDirectories(config.dataDir());
        DevStack stack = new DevStack(config, lock(dataDir));
        // a file left by a killed devstack must not announce servers that are not up yet
        Files.deleteIfExists(stack.envFile);
        return stack;
    }

    private void startAll() throws Exception {
        try {
            for (Component component : config.components()) {
                startAndKeep(component);
            }
            publish();
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private synchronized void publish() throws IOException {
        if (closed) {
            throw new IllegalStateException("Stopped while starting");
        }
        writeEnvFile(envFile, services);
        announce("ready " + envFile);
    }

    private synchronized boolean stopRequested() {
        return stopRequested;
    }

    /** SIGTERM/SIGINT: waits for a component that is starting, then stops everything. */
    private synchronized void stop() {
        stopRequested = true;
        close();
    }

    /** Under the lock {@link #close()} takes, so a stop waits for a component that is starting, then stops it too. */
    private synchronized void startAndKeep(Component component) throws Exception {
        if (closed) {
            throw new IllegalStateException("Stopped while starting");
        }
        RunningService service = startOne(component, config);
        services.add(service);
        announce(service.readyLine());
    }

    private static RunningService startOne(Component component, DevStackConfig config) throws Exception {
        return switch (component) {
            case POSTGRES -> PostgresService.start(config.dataDir(), config.pgPort());
            case AMQP -> AmqpService.start(config.dataDir(), config.amqpPort());
            case S3 -> S3Service.start(config.dataDir(), config.s3Port(), S3Credentials.resolve(config));
        };
    }

    private static FileLock lock(Path dataDir) throws IOException {
        FileChannel channel =
                FileChannel.open(dataDir.resolve("devstack.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("Another devstack is running on " + dataDir);
        }
        return lock;
    }

    private static void writeEnvFile(Path envFile, List<RunningService> services) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        services.forEach(service -> env.putAll(service.environment()));
        StringBuilder text = new StringBuilder("# Darkroom devstack; removed when it stops\n");
        env.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Path temp = envFile.resolveSibling(ENV_FILE + ".tmp");
        Files.writeString(temp, text);
        // readers poll for the file: it must appear complete
        Files.move(temp, envFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The machine-readable ready lines go to stdout on purpose, not the log: ./darkroom reads them there. */
    private static void announce(String line) {
        System.out.println("DEVSTACK " + line);
        System.out.flush();
    }

    /** Stops every component, last started first; a component that fails to stop does not keep the others up. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Files.deleteIfExists(envFile);
        } catch (IOException e) {
            log.warn("Could not remove {}", envFile, e);
        }
        for (int i = services.size() - 1; i >= 0; i--) {
            try {
                services.get(i).close();
            } catch (RuntimeException e) {
                log.error("A component did not stop cleanly", e);
            }
        }
        try {
            lock.release();
            lock.channel().close();
        } catch (IOException e) {
            log.warn("Could not release the devstack lock", e);
        }
        announce("stopped");
    }
}
