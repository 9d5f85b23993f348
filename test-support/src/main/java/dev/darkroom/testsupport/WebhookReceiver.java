package dev.darkroom.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A tenant's webhook receiver for tests on loopback: each path records what it is sent and answers as told: a status, or
 * its headers and then one byte every {@code trickle} (a slow neighbour). Every request runs on its own thread.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(Map<String, List<String>> headers, String body, Instant at) {
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, IntSupplier> answers = new ConcurrentHashMap<>();
    private final Map<String, Duration> trickles = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> extraHeaders = new ConcurrentHashMap<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** What {@code path} answers from now on, asked once per request. */
    public WebhookReceiver answer(String path, IntSupplier status) {
        answers.put(path, status);
        return this;
    }

    /** What {@code path} answers from now on, with these response headers. */
    public WebhookReceiver answer(String path, IntSupplier status, Map<String, String> headers) {
        extraHeaders.put(path, Map.copyOf(headers));
        return answer(path, status);
    }

    /** {@code path} answers 200 headers, then one byte every {@code every}, never finishing. */
    public WebhookReceiver trickle(String path, Duration every) {
        trickles.put(path, every);
        return this;
    }

    public List<Received> at(String path) {
        return received.getOrDefault(path, List.of());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, List<String>> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
                .add(new Received(headers, body, Instant.now()));
        Duration trickle = trickles.get(path);
        if (trickle != null) {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            ScheduledFuture<?>[] task = new ScheduledFuture<?>[1];
            task[0] = ticks.scheduleAtFixedRate(
                    () -> {
                        try {
                            out.write('.');
                            out.flush();
                        } catch (IOException cutOff) {
                            task[0].cancel(false);
                            exchange.close();
                        }
                    },
                    0,
                    trickle.toMillis(),
                    TimeUnit.MILLISECONDS);
            return;
        }
        int status = answers.getOrDefault(path, () -> 204).getAsInt();
        extraHeaders.getOrDefault(path, Map.of()).forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        ticks.shutdownNow();
    }
}
