package dev.darkroom.worker.core.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tenant's web server on a loopback port, serving what a test tells it to: images, pages, redirects, errors, and
 * answers that never come.
 */
public final class ImageServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch gate = new CountDownLatch(1);
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    private interface Route {
        void answer(HttpExchange exchange) throws IOException;
    }

    public ImageServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a loopback port", e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Route route = routes.get(path);
            try (exchange) {
                if (route == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    route.answer(exchange);
                }
            }
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** Serves {@code body} with a Content-Length. */
    public ImageServer serve(String path, int status, String contentType, byte[] body) {
        routes.put(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        return this;
    }

    /** Serves {@code body} chunked, without announcing its length. */
    public ImageServer serveChunked(String path, String contentType, byte[] body) {
        routes.put(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        return this;
    }

    public ImageServer redirect(String path, String location) {
        routes.put(path, exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
        });
        return this;
    }

    /** Redirects after {@code delay}: a slow hop. */
    public ImageServer redirectAfter(Duration delay, String path, String location) {
        routes.put(path, exchange -> {
            try {
                release.await(delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
        });
        return this;
    }

    /** Accepts the request and answers only when the server closes. */
    public ImageServer stall(String path) {
        routes.put(path, exchange -> {
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(503, -1);
        });
        return this;
    }

    /** Serves {@code body} once {@link #openGate()} is called: a fetch that stays in flight until then. */
    public ImageServer serveWhenGateOpens(String path, String contentType, byte[] body) {
        routes.put(path, exchange -> {
            try {
                gate.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        return this;
    }

    public void openGate() {
        gate.countDown();
    }

    /** How many requests arrived for {@code path}. */
    public int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** A URL of this server under the given host name, e.g. {@code localhost} or {@code 127.0.0.1}. */
    public String url(String host, String path) {
        return "http://" + host + ":" + port() + path;
    }

    /** {@code http://127.0.0.1:port}, as an own-storage base URL. */
    public String origin() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        release.countDown();
        gate.countDown();
        server.stop(0);
    }
}
