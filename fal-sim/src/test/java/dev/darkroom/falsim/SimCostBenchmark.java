package dev.darkroom.falsim;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * CPU the simulator spends per request, as Darkroom uses it: a submit with a webhook, the webhook, and one download
 * of the output (a 1024x768 JPEG, flux-dev's default), with zero model time. fal-sim runs in its own JVM (default
 * JIT) so {@code /proc/<pid>/stat} counts only its CPU; each mode gets 5,000 warm-up requests, then 5,000 measured
 * ones ({@code -Dsim.warmup=}, {@code -Dsim.requests=}). A benchmark, not a test: it prints numbers and asserts nothing. Run it with
 * {@code ./mvnw -pl fal-sim test -Dtest=SimCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SimCostBenchmark {

    private static final Logger log = LoggerFactory.getLogger(SimCostBenchmark.class);
    static final int WARMUP = Integer.getInteger("sim.warmup", 5000);
    static final int MEASURED = Integer.getInteger("sim.requests", 5000);
    static final int CLIENTS = 8;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void cpuPerRequest() throws Exception {
        String modes = System.getProperty("sim.modes", "off,on");
        for (String mode : modes.split(",")) {
            boolean cache = mode.trim().equals("on");
            double[] ms = measure(cache);
            log.info(
                    "fal-sim CPU per request, render cache {}: {} ms (user {} ms, system {} ms)",
                    cache ? "on " : "off",
                    String.format("%.2f", ms[0] + ms[1]),
                    String.format("%.2f", ms[0]),
                    String.format("%.2f", ms[1]));
        }
    }

    /** User and system CPU milliseconds per measured request. */
    private double[] measure(boolean cache) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // e.g. -Dsim.jvm-args=-XX:StartFlightRecording=filename=/tmp/sim.jfr to profile the simulator
        String extra = System.getProperty("sim.jvm-args", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                FalSimApplication.class.getName(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--fal-sim.queue.image-model-time=0ms",
                "--fal-sim.queue.concurrency=64",
                "--fal-sim.render.cache=" + cache,
                "--logging.level.root=WARN"));
        Process sim = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String base = "http://127.0.0.1:" + port;
        AtomicReference<CountDownLatch> webhooks = new AtomicReference<>();
        HttpServer receiver = receiver(webhooks);
        try {
            awaitUp(base);
            String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            run(base, hook, WARMUP, webhooks);
            long[] before = cpuTicks(sim.pid());
            run(base, hook, MEASURED, webhooks);
            long[] after = cpuTicks(sim.pid());
            // clock ticks are 10 ms (getconf CLK_TCK = 100)
            return new double[] {(after[0] - before[0]) * 10.0 / MEASURED, (after[1] - before[1]) * 10.0 / MEASURED};
        } finally {
            receiver.stop(0);
            sim.destroy();
            sim.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Submits {@code count} requests from {@value #CLIENTS} clients and waits for every webhook. */
    private void run(String base, String hook, int count, AtomicReference<CountDownLatch> webhooks) throws Exception {
        CountDownLatch done = new CountDownLatch(count);
        webhooks.set(done);
        String url = base + "/queue/fal-ai/flux/dev?fal_webhook=" + URLEncoder.encode(hook, StandardCharsets.UTF_8);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sent.add(clients.submit(() -> {
                HttpRequest submit = HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Key " + SimClient.KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"bench\"}"))
                        .build();
                return http.send(submit, HttpResponse.BodyHandlers.discarding()).statusCode();
            }));
        }
        for (var f : sent) {
            f.get();
        }
        clients.shutdown();
        if (!done.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException(done.getCount() + " webhooks never arrived");
        }
    }

    /** Darkroom's receiver in miniature: takes the webhook, then downloads the output from the CDN. */
    private HttpServer receiver(AtomicReference<CountDownLatch> webhooks) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            JsonNode webhook = SimClient.JSON.readTree(body);
            for (JsonNode image : webhook.path("payload").path("images")) {
                try {
                    http.send(
                            HttpRequest.newBuilder(URI.create(image.path("url").asString()))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            webhooks.get().countDown();
        });
        server.start();
        return server;
    }

    private void awaitUp(String base) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> http.send(
                                        HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200);
    }

    /** utime and stime of a process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat). */
    private static long[] cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields after the command name start at field 3
        return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
