package dev.darkroom.support.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guard at connect time, against a real server on loopback and a resolver the test scripts. */
class GuardedHttpTest {

    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger lookups = new AtomicInteger();
    private HttpServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void aNameThatResolvesToAPublicAddressWhenCheckedAndToLoopbackWhenConnectingIsRefusedAtConnectTime()
            throws Exception {
        // the rebinding attack: the first answer passes the check, the second points inside
        UrlGuard guard =
                new UrlGuard(List.of(), host -> new InetAddress[] {
                    InetAddress.getByName(lookups.getAndIncrement() == 0 ? "93.184.216.34" : "127.0.0.1")
                });
        String url = "http://rebind.example:" + server.getAddress().getPort() + "/";

        assertThat(guard.check(url).getHost()).isEqualTo("rebind.example");
        OkHttpClient http = GuardedHttp.builder(guard).build();

        assertThatThrownBy(() -> http.newCall(new Request.Builder().url(url).build())
                        .execute()
                        .close())
                .satisfies(e -> assertThat(RefusedAddressException.reasonIn(e)).isPresent())
                .hasMessageContaining("private or local");
        assertThat(lookups).hasValue(2);
        assertThat(hits).hasValue(0);
    }

    @Test
    void anAllowListedHostIsConnectedToWhereverItResolves() throws Exception {
        UrlGuard guard =
                new UrlGuard(List.of("sim.internal"), host -> new InetAddress[] {InetAddress.getLoopbackAddress()});
        OkHttpClient http = GuardedHttp.builder(guard).build();

        try (Response response = http.newCall(new Request.Builder()
                        .url("http://sim.internal:" + server.getAddress().getPort() + "/")
                        .build())
                .execute()) {
            assertThat(response.code()).isEqualTo(204);
        }
        assertThat(hits).hasValue(1);
    }

    @Test
    void aLiteralPrivateAddressIsRefusedBeforeAnyConnection() {
        UrlGuard guard = new UrlGuard(List.of());
        OkHttpClient http = GuardedHttp.builder(guard).build();

        assertThatThrownBy(() -> http.newCall(new Request.Builder()
                                .url("http://127.0.0.1:" + server.getAddress().getPort() + "/")
                                .build())
                        .execute()
                        .close())
                .satisfies(e -> assertThat(RefusedAddressException.reasonIn(e)).isPresent());
        assertThat(hits).hasValue(0);
    }
}
