package dev.darkroom.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * One Darkroom service running as its own JVM from its executable jar, as in production. Output goes to a log file
 * under {@code target/e2e-logs}. It can be stopped gracefully (SIGTERM), killed (SIGKILL) and started again on the
 * same port.
 */
final class ServiceProcess {

    /** Small heap and the C1 compiler only: six JVMs share two cores in these tests. */
    static final List<String> JVM_FLAGS = List.of(
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xss512k",
            "-Xms32m",
            "-Xmx256m",
            "-XX:MaxMetaspaceSize=192m",
            "-XX:+ExitOnOutOfMemoryError");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final int managementPort;
    private final Map<String, String> env;
    private final List<String> args;
    private final Path log;
    private Process process;

    ServiceProcess(
            String name,
            Path jar,
            int port,
            int managementPort,
            Map<String, String> env,
            List<String> args,
            Path logDir) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.managementPort = managementPort;
        this.env = Map.copyOf(env);
        this.args = List.copyOf(args);
        this.log = logDir.resolve(name + ".log");
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The actuator's own port (health, prometheus), apart from the service's API. */
    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    int managementPort() {
        return managementPort;
    }

    synchronized void start() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "=== start " + String.join(" ", command) + System.lineSeparator(), appendOptions());
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
    }

    /** Waits until the service reports ready, failing early if its process dies. */
    void awaitReady(Duration timeout) {
        Awaitility.await(name + " ready")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(IOException.class) // not listening yet (refused, timed out)
                .failFast(name + " exited; see " + log, () -> !alive())
                .until(() -> {
                    HttpResponse<Void> r = HTTP.send(
                            HttpRequest.newBuilder(URI.create(managementUrl() + "/actuator/health/readiness"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    return r.statusCode() == 200;
                });
    }

    /** SIGTERM and wait for a graceful exit. */
    synchronized int stop() {
        if (process == null) {
            return 0;
        }
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** SIGKILL: no shutdown hooks, no graceful anything. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    Path log() {
        return log;
    }

    private static java.nio.file.OpenOption[] appendOptions() {
        return new java.nio.file.OpenOption[] {
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND
        };
    }
}
