package dev.darkroom.falclient.support;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A scripted fal stand-in on a JDK {@link HttpServer}, for faults fal-sim cannot produce on demand: each request
 * gets the next queued {@link Reply} (or the fallback), and every request is recorded.
 */
public final class StubServer implements AutoCloseable {

    /** One request as the server saw it. */
    public record Recorded(String method, String path, String query, Headers headers, byte[] body) {
        public String header(String name) {
            return headers.getFirst(name);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** One scripted answer. {@code hang} holds the exchange open until the latch opens (or 10 s pass). */
    public record Reply(int status, Map<String, String> headers, byte[] body, CountDownLatch hang) {

        public static Reply json(int status, String json, String... headerPairs) {
            Map<String, String> headers = pairs(headerPairs);
            headers.putIfAbsent("Content-Type", "application/json");
            return new Reply(status, headers, json.getBytes(StandardCharsets.UTF_8), null);
        }

        public static Reply text(int status, String contentType, String text, String... headerPairs) {
            Map<String, String> headers = pairs(headerPairs);
            headers.put("Content-Type", contentType);
            return new Reply(status, headers, text.getBytes(StandardCharsets.UTF_8), null);
        }

        /** Never answers until the latch is released: a read timeout for the client. */
        public static Reply hangUntil(CountDownLatch latch) {
            return new Reply(200, Map.of(), new byte[0], latch);
        }

        private static Map<String, String> pairs(String... headerPairs) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                headers.put(headerPairs[i], headerPairs[i + 1]);
            }
            return headers;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Recorded> requests = new ArrayList<>();
    private volatile Function<Recorded, Reply> fallback = r -> Reply.json(404, "{\"detail\":\"Not Found\"}");

    public StubServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Replies for the next requests, in order. */
    public synchronized StubServer enqueue(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** How requests are answered once the script is used up. */
    public StubServer otherwise(Function<Recorded, Reply> answer) {
        this.fallback = answer;
        return this;
    }

    public synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String url(String path) {
        return baseUrl() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            Recorded recorded = new Recorded(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(),
                    in.readAllBytes());
            Reply reply;
            synchronized (this) {
                requests.add(recorded);
                reply = script.isEmpty() ? null : script.poll();
            }
            if (reply == null) {
                reply = fallback.apply(recorded);
            }
            if (reply.hang() != null) {
                try {
                    reply.hang().await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            reply.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            if (reply.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
