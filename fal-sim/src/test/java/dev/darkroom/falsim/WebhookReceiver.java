package dev.darkroom.falsim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** A real HTTP endpoint that records webhooks; it can be told to fail the next calls. */
public final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<Integer> scripted = new ConcurrentLinkedQueue<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/fal/webhook";
    }

    /** The next {@code times} calls are answered {@code status} (after being recorded). */
    public void failNext(int times, int status) {
        for (int i = 0; i < times; i++) {
            scripted.add(status);
        }
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> forRequest(String requestId) {
        return received.stream()
                .filter(r -> requestId.equals(r.headers().get("x-fal-webhook-request-id")))
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                .collect(Collectors.toMap(
                        e -> e.getKey().toLowerCase(Locale.ROOT),
                        e -> e.getValue().get(0)));
        received.add(new Received(headers, body, Instant.now()));
        Integer status = scripted.poll();
        exchange.sendResponseHeaders(status != null ? status : 200, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** One delivery as it arrived. */
    public record Received(Map<String, String> headers, byte[] body, Instant at) {

        public JsonNode json() {
            return SimClient.JSON.readTree(body);
        }
    }
}
