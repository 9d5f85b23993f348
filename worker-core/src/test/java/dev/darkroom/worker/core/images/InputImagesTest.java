package dev.darkroom.worker.core.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.darkroom.contracts.catalog.Catalog;
import dev.darkroom.contracts.catalog.ModelSpec;
import dev.darkroom.falclient.FalClient;
import dev.darkroom.falclient.FalClientConfig;
import dev.darkroom.support.net.UrlGuard;
import dev.darkroom.testsupport.FalSimServer;
import dev.darkroom.worker.core.support.FalSimAdmin;
import dev.darkroom.worker.core.support.ImageServer;
import dev.darkroom.worker.core.support.Pngs;
import java.awt.Color;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Input images against a real web server on loopback and fal-sim's storage. */
class InputImagesTest {

    private static final Catalog CATALOG = Catalog.load();
    private static final ModelSpec HAILUO = CATALOG.require("hailuo-02-image-to-video");
    private static final byte[] PNG = Pngs.square(16, Color.ORANGE);
    private static final Duration LIFETIME = Duration.ofMinutes(70);

    private final FalSimServer sim = FalSimServer.shared();
    private final FalClient fal = new FalClient(FalClientConfig.builder()
            .simulator(sim.baseUrl())
            .apiKey(sim.falKey())
            .build());
    private ImageServer server;

    @BeforeEach
    void startServer() {
        server = new ImageServer()
                .serve("/cat.png", 200, "image/png", PNG)
                .serve("/page.html", 200, "text/html; charset=utf-8", "<html></html>".getBytes())
                .serve("/big.png", 200, "image/png", new byte[2048])
                .serveChunked("/big-chunked.png", "image/png", new byte[2048])
                .serve("/gone.png", 404, "text/plain", "gone".getBytes())
                .serve("/broken.png", 503, "text/plain", "try later".getBytes())
                .stall("/slow.png");
        server.redirect("/moved.png", server.url("localhost", "/cat.png"))
                .redirect("/sneaky.png", server.url("127.0.0.1", "/cat.png"));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aPublicImageOnAnAllowListedHostIsCheckedAndPassedThroughUnchanged() {
        ObjectNode input = input(server.url("localhost", "/cat.png"));

        images(false, List.of()).resolve(HAILUO, input);

        assertThat(input.path("image_url").asString()).isEqualTo(server.url("localhost", "/cat.png"));
    }

    @Test
    void anImageWhoseHostResolvesToLoopbackIsRefused() {
        ObjectNode input = input(server.url("127.0.0.1", "/cat.png"));

        assertThatThrownBy(() -> images(false, List.of()).resolve(HAILUO, input))
                .isInstanceOf(InputImageException.class)
                .hasMessageContaining("image_url")
                .hasMessageContaining("private or local address")
                .extracting(e -> ((InputImageException) e).field())
                .isEqualTo("image_url");
    }

    @Test
    void aRedirectIsFollowedWhenItsTargetIsAllowed() {
        ObjectNode input = input(server.url("localhost", "/moved.png"));

        images(false, List.of()).resolve(HAILUO, input);

        assertThat(input.path("image_url").asString()).isEqualTo(server.url("localhost", "/moved.png"));
    }

    @Test
    void aRedirectToAPrivateAddressIsRefusedEvenFromAnAllowedHost() {
        ObjectNode input = input(server.url("localhost", "/sneaky.png"));

        assertThatThrownBy(() -> images(false, List.of()).resolve(HAILUO, input))
                .isInstanceOf(InputImageException.class)
                .hasMessageContaining("private or local address");
    }

    @Test
    void aPageThatIsNotAnImageIsRefused() {
        ObjectNode input = input(server.url("localhost", "/page.html"));

        assertThatThrownBy(() -> images(false, List.of()).resolve(HAILUO, input))
                .isInstanceOf(InputImageException.class)
                .hasMessageContaining("is not an image: its content type is text/html");
    }

    @Test
    void anImageLargerThanTheCapIsRefusedWhetherItAnnouncesItsSizeOrNot() {
        assertThatThrownBy(() -> images(false, List.of()).resolve(HAILUO, input(server.url("localhost", "/big.png"))))
                .isInstanceOf(InputImageException.class)
                .hasMessageContaining("larger than the 1024 bytes allowed");
        assertThatThrownBy(() ->
                        images(false, List.of()).resolve(HAILUO, input(server.url("localhost", "/big-chunked.png"))))
                .isInstanceOf(InputImageException.class)
                .hasMessageContaining("larger than the 1024 bytes allowed");
    }

    @Test
    void anImageThatDoesNotArriveInTimeIsRefused() {
        ObjectNode input = input(server.url("localhost", "/slow.png"));

        assertThatThrownBy(() -> images(false, List.of()).resolve(HAILUO, input))
                .isInstanceOf(InputImageException.class)
                .hasMessageContaining("did not arrive within");
    }

    @Test
    void oneDeadlineCoversTheWholeFetchRedirectsIncluded() {
        // each hop takes 300 ms, within the 500 ms timeout on its own but not together
        server.redirectAfter(Duration.ofMillis(300), "/slow-hop.png", server.url("localhost", "/slow-hop-2.png"))
                .redirectAfter(Duration.ofMillis(300), "/slow-hop-2.png", server.url("localhost", "/cat.png"));
        ObjectNode input = input(server.url("localhost", "/slow-hop.png"));

        assertThatThrownBy(() -> images(false, List.of()).resolve(HAILUO, input))
                .isInstanceOf(InputImageException.class)
                .hasMessageContaining("did not arrive within");
        assertThat(server.hits("/cat.png")).isZero();
    }

    @Test
    void anImageTheServerDoesNotHaveIsRefused() {
        ObjectNode input = input(server.url("localhost", "/gone.png"));

        assertThatThrownBy(() -> images(false, List.of()).resolve(HAILUO, input))
                .isInstanceOf(InputImageException.class)
                .hasMessageContaining("the server answered HTTP 404");
    }

    @Test
    void anUnreachableHostIsRefused() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ObjectNode input = input("http://localhost:" + closedPort + "/cat.png");

        assertThatThrownBy(() -> images(false, List.of()).resolve(HAILUO, input))
                .isInstanceOf(InputImageException.class)
                .hasMessageContaining("could not be fetched");
    }

    @Test
    void aUrlThatIsNotHttpIsRefused() {
        ObjectNode input = input("file:///etc/passwd");

        assertThatThrownBy(() -> images(false, List.of()).resolve(HAILUO, input))
                .isInstanceOf(InputImageException.class)
                .hasMessageContaining("only http and https URLs are allowed");
    }

    @Test
    void aPreviousOutputInDarkroomsStorageIsUploadedToFalStorage() {
        String presigned = server.url("127.0.0.1", "/cat.png") + "?X-Amz-Signature=secret";
        ObjectNode input = input(presigned);

        images(false, List.of(server.origin())).resolve(HAILUO, input);

        String falUrl = input.path("image_url").asString();
        assertThat(falUrl).startsWith(sim.cdnUrl() + "/");
        HttpResponse<byte[]> uploaded = new FalSimAdmin(sim.baseUrl()).fetch(falUrl);
        assertThat(uploaded.body()).isEqualTo(PNG);
        assertThat(uploaded.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("image/png"));
    }

    @Test
    void falDeletesAnUploadedImageAfterTheConfiguredLifetime() {
        ObjectNode input = input(server.url("localhost", "/cat.png"));
        InputImages shortLived =
                new InputImages(true, fetcher(), new OwnStorage(List.of()), true, fal, Duration.ofSeconds(1));

        shortLived.resolve(HAILUO, input);

        FalSimAdmin admin = new FalSimAdmin(sim.baseUrl());
        String falUrl = input.path("image_url").asString();
        assertThat(admin.fetch(falUrl).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> admin.fetch(falUrl).statusCode() == 404);
    }

    @Test
    void troubleInDarkroomsOwnStorageIsRetriedRatherThanBlamedOnTheInput() {
        ObjectNode input = input(server.url("127.0.0.1", "/broken.png"));

        assertThatThrownBy(() -> images(false, List.of(server.origin())).resolve(HAILUO, input))
                .isInstanceOf(ImageSourceUnavailableException.class)
                .hasMessageContaining("503");
    }

    @Test
    void everyImageIsUploadedWhenConfiguredTo() {
        ObjectNode input = input(server.url("localhost", "/cat.png"));

        images(true, List.of()).resolve(HAILUO, input);

        assertThat(input.path("image_url").asString()).startsWith(sim.cdnUrl() + "/");
    }

    @Test
    void theEndImageIsCheckedLikeTheFirstOne() {
        ObjectNode input = input(server.url("localhost", "/cat.png"));
        input.put("end_image_url", server.url("127.0.0.1", "/cat.png"));

        assertThatThrownBy(() -> images(false, List.of()).resolve(HAILUO, input))
                .isInstanceOf(InputImageException.class)
                .extracting(e -> ((InputImageException) e).field())
                .isEqualTo("end_image_url");
    }

    @Test
    void withResolutionOffTheUrlsGoToFalAsTheTenantSentThem() {
        ObjectNode input = input(server.url("127.0.0.1", "/cat.png"));
        InputImages off = new InputImages(false, fetcher(), new OwnStorage(List.of()), false, fal, LIFETIME);

        off.resolve(HAILUO, input);

        assertThat(input.path("image_url").asString()).isEqualTo(server.url("127.0.0.1", "/cat.png"));
    }

    @Test
    void onlyTheCatalogsImageUrlParametersAreImages() {
        assertThat(InputImages.imageFields(HAILUO)).containsExactly("image_url", "end_image_url");
        assertThat(InputImages.imageFields(CATALOG.require("flux-pro-ultra"))).containsExactly("image_url");
        assertThat(InputImages.imageFields(CATALOG.require("flux-dev"))).isEmpty();
    }

    @Test
    void uploadsAreNamedWithAnExtensionFalCanServe() {
        assertThat(InputImages.extension("image/jpeg")).isEqualTo("jpg");
        assertThat(InputImages.extension("image/svg+xml")).isEqualTo("svg");
        assertThat(InputImages.extension("image/png")).isEqualTo("png");
        assertThat(InputImages.extension("image/x.weird type")).isEqualTo("img");
    }

    private InputImages images(boolean alwaysUpload, List<String> ownStorage) {
        return new InputImages(true, fetcher(), new OwnStorage(ownStorage), alwaysUpload, fal, LIFETIME);
    }

    private ImageFetcher fetcher() {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new ImageFetcher(http, new UrlGuard(List.of("localhost")), 1024, Duration.ofMillis(500), 3);
    }

    private static ObjectNode input(String imageUrl) {
        return JsonNodeFactory.instance.objectNode().put("prompt", "a cat").put("image_url", imageUrl);
    }
}
