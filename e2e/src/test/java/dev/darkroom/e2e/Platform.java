package dev.darkroom.e2e;

import dev.darkroom.testsupport.FalSimServer;
import dev.darkroom.testsupport.S3Server;
import dev.darkroom.testsupport.TestDatabase;
import dev.darkroom.testsupport.TestPostgres;
import dev.darkroom.testsupport.TestRabbit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The whole platform for end-to-end tests: every service as its own process from its executable jar, against real
 * Postgres and RabbitMQ (from the environment or Testcontainers, as every module's tests), the embedded S3 server
 * and fal-sim, both inside the test JVM. Each platform gets its own database and bucket.
 */
final class Platform implements AutoCloseable {

    static final String ADMIN_TOKEN = "e2e-admin-token";
    static final String INTERNAL_TOKEN = "e2e-internal-token";
    static final String RECEIVER_TOKEN = "e2e-receiver-token";
    static final String WEBHOOK_SECRET = "e2e-webhook-token-secret";
    static final List<String> SERVICES =
            List.of("orchestrator", "gateway", "worker-image", "worker-video", "webhook-receiver");

    private final TestDatabase database;
    private final S3Server s3;
    private final String bucket;
    private final FalSimServer fal;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, List<String>> args;
    private final Path logDir;

    /**
     * The platform running now. Platforms share the broker's queue names, so two at once would consume each other's
     * messages: starting one stops the other first.
     */
    private static Platform live;

    private boolean closed;

    private Platform(Map<String, Object> falSimProperties, Map<String, List<String>> args) {
        this.database = TestPostgres.shared().createDatabase();
        TestRabbit.shared().deleteDarkroomQueues();
        this.s3 = S3Server.shared();
        this.bucket = s3.newBucket();
        this.fal = FalSimServer.start(falSimProperties);
        this.args = args;
        this.logDir = Path.of("target", "e2e-logs", database.name());
        SERVICES.forEach(s -> ports.put(s, freePort()));
    }

    /**
     * Starts every service and waits until all are ready.
     *
     * @param falSimProperties fal-sim settings, such as its model time
     * @param args extra command-line properties per service, such as {@code --darkroom.dispatch.global-in-flight-cap=4}
     */
    static synchronized Platform start(Map<String, Object> falSimProperties, Map<String, List<String>> args) {
        if (live != null) {
            live.close();
        }
        Platform platform = new Platform(falSimProperties, args);
        live = platform;
        try {
            SERVICES.forEach(s -> platform.services.put(s, platform.process(s, s, platform.ports.get(s))));
            platform.services.values().forEach(ServiceProcess::start);
            CompletableFuture.allOf(platform.services.values().stream()
                            .map(p -> CompletableFuture.runAsync(() -> p.awaitReady(Duration.ofMinutes(3))))
                            .toArray(CompletableFuture[]::new))
                    .join();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    String gatewayUrl() {
        return services.get("gateway").url();
    }

    String receiverUrl() {
        return services.get("webhook-receiver").url();
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    FalSimServer fal() {
        return fal;
    }

    S3Server s3() {
        return s3;
    }

    String bucket() {
        return bucket;
    }

    TestDatabase database() {
        return database;
    }

    /** Stops the platform running now, if any, for a test that runs its services another way. */
    static synchronized void stopLive() {
        if (live != null) {
            live.close();
            live = null;
        }
    }

    /** Another instance of a service, on its own port, next to the first (e.g. a second orchestrator). */
    ServiceProcess addInstance(String service, String instanceName) {
        ServiceProcess p = process(service, instanceName, freePort());
        services.put(instanceName, p);
        p.start();
        p.awaitReady(Duration.ofMinutes(3));
        return p;
    }

    /** Stops (SIGTERM) an extra instance and forgets it. */
    void removeInstance(String instanceName) {
        ServiceProcess p = services.remove(instanceName);
        if (p != null) {
            p.stop();
        }
    }

    /** Kills (SIGKILL) and starts a service again on the same port, waiting until it is ready. */
    void restart(String name) {
        ServiceProcess p = services.get(name);
        p.kill();
        p.start();
        p.awaitReady(Duration.ofMinutes(3));
    }

    private ServiceProcess process(String service, String instanceName, int port) {
        Map<String, String> env = new LinkedHashMap<>(infraEnv(database, TestRabbit.shared()));
        env.put("S3_ENDPOINT", s3.endpoint());
        env.put("S3_ACCESS_KEY", s3.accessKey());
        env.put("S3_SECRET_KEY", s3.secretKey());
        env.put("S3_BUCKET", bucket);
        env.put("FAL_QUEUE_URL", fal.queueUrl());
        env.put("FAL_REST_URL", fal.restUrl());
        env.put("FAL_JWKS_URL", fal.jwksUrl());
        env.put("FAL_CDN_URL", fal.cdnUrl());
        // fal-sim's CDN and the test S3 server live on loopback, which the services refuse unless allow-listed
        env.put("DARKROOM_ALLOWED_OUTPUT_HOSTS", "127.0.0.1");
        env.put("DARKROOM_WORKER_ALLOWED_HOSTS", "127.0.0.1");
        env.put("FAL_KEY", fal.falKey());
        env.put("FAL_USER_ID", fal.userId());
        env.put("DARKROOM_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("DARKROOM_INTERNAL_TOKEN", INTERNAL_TOKEN);
        env.put("DARKROOM_RECEIVER_TOKEN", RECEIVER_TOKEN);
        env.put("DARKROOM_WEBHOOK_TOKEN_SECRET", WEBHOOK_SECRET);
        env.put("DARKROOM_WEBHOOK_PUBLIC_URL", "http://127.0.0.1:" + ports.get("webhook-receiver"));
        env.put("DARKROOM_PUBLIC_URL", "http://127.0.0.1:" + ports.get("gateway"));
        env.put("ORCHESTRATOR_URL", "http://127.0.0.1:" + ports.get("orchestrator"));
        List<String> commandArgs = new ArrayList<>();
        commandArgs.add("--server.port=" + port);
        commandArgs.add("--server.address=127.0.0.1");
        int managementPort = freePort();
        commandArgs.add("--management.server.port=" + managementPort);
        commandArgs.addAll(args.getOrDefault(service, List.of()));
        return new ServiceProcess(instanceName, jar(service), port, managementPort, env, commandArgs, logDir);
    }

    /** The environment variables that point a service (or {@code ./darkroom up}) at a database and a broker. */
    static Map<String, String> infraEnv(TestDatabase database, TestRabbit rabbit) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PG_URL", database.jdbcUrl());
        env.put("PG_USER", database.user());
        env.put("PG_PASSWORD", database.password() == null ? "" : database.password());
        env.put("RABBITMQ_HOST", rabbit.host());
        env.put("RABBITMQ_PORT", String.valueOf(rabbit.port()));
        env.put("RABBITMQ_USER", rabbit.username());
        env.put("RABBITMQ_PASSWORD", rabbit.password());
        env.put("RABBITMQ_VHOST", rabbit.virtualHost());
        return env;
    }

    /** The service's executable jar, built by the reactor before this module's tests run. */
    static Path jar(String service) {
        Path target = Path.of("..", service, "target").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(f -> f.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no executable jar of " + service + " in " + target + ": build the whole reactor"
                                    + " (./mvnw verify) so every service is packaged before the end-to-end tests"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean closed() {
        return closed;
    }

    /** Ends every process at once (SIGKILL), for the end of the test JVM, when nothing needs a graceful stop. */
    synchronized void kill() {
        if (closed) {
            return;
        }
        closed = true;
        services.values().forEach(ServiceProcess::kill);
        fal.close();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        services.values().parallelStream().forEach(ServiceProcess::stop);
        fal.close();
    }
}
