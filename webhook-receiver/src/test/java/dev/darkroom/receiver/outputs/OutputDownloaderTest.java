package dev.darkroom.receiver.outputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Downloads from a real HTTP server on loopback (allow-listed, as fal-sim is in tests) that answers as told. */
class OutputDownloaderTest {

    private static final byte[] CONTENT = "0123456789".repeat(100).getBytes();

    private final Deque<Answer> answers = new ArrayDeque<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private HttpServer server;
    private OutputDownloader downloader;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        OutputProperties properties = new OutputProperties(
                List.of(),
                List.of("127.0.0.1"),
                DataSize.ofMegabytes(1),
                DataSize.ofMegabytes(1),
                Duration.ofSeconds(2),
                Duration.ofMillis(300),
                Duration.ofSeconds(5),
                3,
                Duration.ofMillis(10),
                2);
        downloader = new OutputDownloader(
                new OutputUrlPolicy(List.of(), List.of("127.0.0.1"), host -> {
                    throw new UnknownHostException(host);
                }),
                properties);
    }

    @AfterEach
    void stop() {
        released.countDown();
        server.stop(0);
    }

    @Test
    void transientFailuresAreRetriedUntilTheDownloadSucceeds() throws IOException {
        answers.add(Answer.status(503));
        answers.add(Answer.status(429));
        answers.add(Answer.content(CONTENT));

        try (TempFile file = downloader.download(ref("/a.png"), 10_000, 0)) {
            assertThat(Files.readAllBytes(file.path())).isEqualTo(CONTENT);
        }
        assertThat(requests).hasValue(3);
    }

    @Test
    void transientFailuresPastTheAttemptsFailTheDownload() {
        answers.add(Answer.status(502));
        answers.add(Answer.status(503));
        answers.add(Answer.status(504));

        assertRejected(
                ref("/a.png"),
                10_000,
                "output_download_failed",
                "output 0 could not be downloaded after 3" + " attempt(s): the server answered 504");
        assertThat(requests).hasValue(3);
    }

    @Test
    void aMissingFileFailsAtOnce() {
        answers.add(Answer.status(404));

        assertRejected(
                ref("/gone.png"),
                10_000,
                "output_download_failed",
                "output 0 could not be downloaded: the" + " server answered 404");
        assertThat(requests).hasValue(1);
    }

    @Test
    void aServerThatStallsTimesOutAndIsRetried() throws IOException {
        answers.add(Answer.stall());
        answers.add(Answer.content(CONTENT));

        try (TempFile file = downloader.download(ref("/slow.png"), 10_000, 0)) {
            assertThat(file.size()).isEqualTo(CONTENT.length);
        }
        assertThat(requests).hasValue(2);
    }

    @Test
    void aDeclaredLengthOverTheCapIsRefusedAsInvalid() {
        answers.add(Answer.content(CONTENT));

        assertRejected(ref("/big.png"), 999, "output_invalid", "output 0 is larger than the limit of 999 bytes");
    }

    @Test
    void aStreamedBodyOverTheCapIsCutOffAndRefusedAsInvalid() {
        answers.add(Answer.chunked(CONTENT));

        assertRejected(ref("/big.png"), 1024 / 2, "output_invalid", "output 0 is larger than the limit of 512 bytes");
    }

    @Test
    void aRedirectIsFollowedWhenItsTargetIsAllowed() throws IOException {
        answers.add(Answer.redirect("/elsewhere.png"));
        answers.add(Answer.content(CONTENT));

        try (TempFile file = downloader.download(ref("/a.png"), 10_000, 0)) {
            assertThat(Files.readAllBytes(file.path())).isEqualTo(CONTENT);
        }
    }

    @Test
    void aRedirectToAHostThatIsNotAllowedIsRefused() {
        answers.add(Answer.redirect("http://169.254.169.254/latest/meta-data/"));

        assertRejected(
                ref("/a.png"),
                10_000,
                "output_download_failed",
                "refusing to download an output from"
                        + " 169.254.169.254: not a fal CDN host or an allowed output host");
    }

    private OutputRef ref(String path) {
        return new OutputRef("http://127.0.0.1:" + server.getAddress().getPort() + path, "image/png", false);
    }

    private void assertRejected(OutputRef ref, long maxBytes, String code, String message) {
        assertThatThrownBy(() -> downloader.download(ref, maxBytes, 0))
                .isInstanceOf(OutputRejectedException.class)
                .hasMessage(message)
                .extracting(e -> ((OutputRejectedException) e).code())
                .isEqualTo(code);
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        Answer answer;
        synchronized (answers) {
            answer = answers.isEmpty() ? Answer.status(500) : answers.poll();
        }
        try (exchange) {
            if (answer.location() != null) {
                exchange.getResponseHeaders().add("Location", answer.location());
            }
            if (answer.stalls()) {
                exchange.sendResponseHeaders(200, CONTENT.length);
                waitUntilReleased();
                return;
            }
            if (answer.body() == null) {
                exchange.sendResponseHeaders(answer.status(), -1);
                return;
            }
            exchange.sendResponseHeaders(answer.status(), answer.chunked() ? 0 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
    }

    private void waitUntilReleased() {
        try {
            released.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Answer(int status, byte[] body, boolean chunked, String location, boolean stalls) {
        static Answer status(int status) {
            return new Answer(status, null, false, null, false);
        }

        static Answer content(byte[] body) {
            return new Answer(200, body, false, null, false);
        }

        static Answer chunked(byte[] body) {
            return new Answer(200, body, true, null, false);
        }

        static Answer redirect(String location) {
            return new Answer(302, null, false, location, false);
        }

        static Answer stall() {
            return new Answer(200, null, false, null, true);
        }
    }
}
