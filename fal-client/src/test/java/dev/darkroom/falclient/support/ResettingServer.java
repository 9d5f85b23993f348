package dev.darkroom.falclient.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Accepts connections, reads the request head, then resets the connection (RST) without answering: a connection
 * that dies after the request was sent, which neither fal-sim nor {@code HttpServer} can produce.
 */
public final class ResettingServer implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    public ResettingServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        acceptor = new Thread(this::acceptLoop, "resetting-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** How many connections were accepted (and reset). */
    public int connections() {
        return connections.get();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                connections.incrementAndGet();
                readHead(client.getInputStream());
                client.setSoLinger(true, 0); // close with RST instead of FIN
            } catch (IOException e) {
                // the socket was closed, or the client gave up: either way, next connection
            }
        }
    }

    /** Reads up to the blank line that ends the request head, so the client has certainly sent its request. */
    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
