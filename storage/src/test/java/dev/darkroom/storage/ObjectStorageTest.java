package dev.darkroom.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkroom.testsupport.S3Server;
import io.minio.ListMultipartUploadsArgs;
import io.minio.MinioAsyncClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class ObjectStorageTest {

    private static final int MIB = 1024 * 1024;

    private final S3Server s3 = S3Server.shared();
    private StorageProperties properties;
    private ObjectStorage storage;

    @BeforeEach
    void freshBucket() {
        properties = StorageProperties.of(s3.endpoint(), s3.accessKey(), s3.secretKey(), s3.newBucket())
                .withPartSize(DataSize.ofMegabytes(5));
        storage = new ObjectStorage(properties);
    }

    @Test
    void storesASmallObjectWithItsSizeChecksumAndContentType() throws Exception {
        byte[] png = bytes(70_000, 1);

        StoredObject stored = storage.put("t/2025/01/j/0.png", new ByteArrayInputStream(png), "image/png", 10 * MIB);

        assertThat(stored).isEqualTo(new StoredObject("t/2025/01/j/0.png", png.length, sha256(png), "image/png"));
        assertThat(storage.stat("t/2025/01/j/0.png")).isEqualTo(stored);
        try (ObjectContent content = storage.open("t/2025/01/j/0.png")) {
            assertThat(content.body().readAllBytes()).isEqualTo(png);
            assertThat(content.length()).isEqualTo(png.length);
            assertThat(content.totalSize()).isEqualTo(png.length);
            assertThat(content.contentType()).isEqualTo("image/png");
        }
    }

    @Test
    void streamsALargeObjectOfUnknownLengthAsAMultipartUploadAndStillRecordsItsChecksum() throws Exception {
        byte[] video = bytes(12 * MIB + 123, 2);

        StoredObject stored = storage.put("t/v/0.mp4", unknownLength(video), "video/mp4", 20 * MIB);

        assertThat(stored.bytes()).isEqualTo(video.length);
        assertThat(stored.sha256Hex()).isEqualTo(sha256(video));
        assertThat(storage.stat("t/v/0.mp4")).isEqualTo(stored);
        try (ObjectContent content = storage.open("t/v/0.mp4")) {
            assertThat(sha256(content.body().readAllBytes())).isEqualTo(sha256(video));
        }
    }

    @Test
    void storesAFileWithTheSizeAndChecksumOfItsBytes(@TempDir Path dir) throws Exception {
        byte[] video = bytes(12 * MIB + 123, 10);
        Path file = Files.write(dir.resolve("0.mp4"), video);

        StoredObject stored = storage.put("t/f/0.mp4", file, "video/mp4");

        assertThat(stored).isEqualTo(new StoredObject("t/f/0.mp4", video.length, sha256(video), "video/mp4"));
        assertThat(storage.stat("t/f/0.mp4")).isEqualTo(stored);
        try (ObjectContent content = storage.open("t/f/0.mp4")) {
            assertThat(sha256(content.body().readAllBytes())).isEqualTo(sha256(video));
        }
    }

    @Test
    void refusesASmallStreamOverTheLimitAndStoresNothing() {
        byte[] tooBig = bytes(1001, 3);

        assertThatThrownBy(() -> storage.put("t/big.png", new ByteArrayInputStream(tooBig), "image/png", 1000))
                .isInstanceOfSatisfying(ObjectTooLargeException.class, e -> {
                    assertThat(e.key()).isEqualTo("t/big.png");
                    assertThat(e.maxBytes()).isEqualTo(1000);
                });
        assertThat(storage.exists("t/big.png")).isFalse();
    }

    @Test
    void abortsAMultipartUploadThatCrossesTheLimitAndLeavesNoPartsBehind() throws Exception {
        byte[] tooBig = bytes(13 * MIB, 4);

        assertThatThrownBy(() -> storage.put("t/big.mp4", unknownLength(tooBig), "video/mp4", 11 * MIB))
                .isInstanceOf(ObjectTooLargeException.class);

        assertThat(storage.exists("t/big.mp4")).isFalse();
        MinioAsyncClient async = MinioAsyncClient.builder()
                .httpClient(new OkHttpClient())
                .endpoint(s3.endpoint())
                .credentials(s3.accessKey(), s3.secretKey())
                .region(s3.region())
                .build();
        assertThat(async.listMultipartUploads(ListMultipartUploadsArgs.builder()
                                .bucket(properties.bucket())
                                .build())
                        .get()
                        .result()
                        .uploads())
                .isEmpty();
    }

    @Test
    void anObjectExactlyAtTheLimitIsAccepted() {
        byte[] exact = bytes(1000, 5);

        assertThat(storage.put("t/exact.png", new ByteArrayInputStream(exact), "image/png", 1000)
                        .bytes())
                .isEqualTo(1000);
    }

    @Test
    void aPresignedUrlServesTheBytesToAPlainHttpClient() throws Exception {
        byte[] png = bytes(4096, 6);
        storage.put("t/p.png", new ByteArrayInputStream(png), "image/png", MIB);

        String url = storage.presignedGet("t/p.png", Duration.ofMinutes(2));
        HttpResponse<byte[]> response = get(url);

        assertThat(url).startsWith(s3.endpoint() + "/").contains("X-Amz-Expires=120");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(png);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
    }

    @Test
    void anSvgIsServedAsAnAttachmentSoABrowserNeverRendersItsScripts() throws Exception {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        storage.put("t/0.svg", new ByteArrayInputStream(svg), "image/svg+xml", MIB);
        // without the .svg the URL asks for nothing: the disposition stored with the object (one PUT or multipart)
        storage.put("t/small.bin", new ByteArrayInputStream(svg), "image/svg+xml", MIB);
        storage.put("t/big.bin", new ByteArrayInputStream(bytes(6 * MIB, 3)), "image/svg+xml", 8L * MIB);

        for (String key : new String[] {"t/0.svg", "t/small.bin", "t/big.bin"}) {
            HttpResponse<byte[]> response = get(storage.presignedGet(key, Duration.ofMinutes(2)));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Disposition"))
                    .as(key)
                    .hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
        }
        assertThat(storage.presignedGet("t/0.svg", Duration.ofMinutes(2)))
                .contains("response-content-disposition=attachment");
        assertThat(storage.presignedGet("t/p.png", Duration.ofMinutes(2))).doesNotContain("response-content");
    }

    @Test
    void presignsForThePublicEndpointHostThatTenantsReach() throws Exception {
        byte[] png = bytes(2048, 7);
        storage.put("t/pub.png", new ByteArrayInputStream(png), "image/png", MIB);
        // same server, another host name: the signature covers the host, so the URL must be made for it
        String publicEndpoint = "http://localhost:" + s3.port();
        ObjectStorage publicStorage = new ObjectStorage(properties.withPublicEndpoint(publicEndpoint));

        String url = publicStorage.presignedGet("t/pub.png");

        assertThat(url).startsWith(publicEndpoint + "/" + properties.bucket() + "/t/pub.png?");
        assertThat(url).contains("X-Amz-Expires=900");
        HttpResponse<byte[]> response = get(url);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(png);
    }

    @Test
    void presigningNeedsNoConnectionToThePublicHost() {
        ObjectStorage unreachable = new ObjectStorage(properties.withPublicEndpoint("https://files.darkroom.invalid"));

        assertThat(unreachable.presignedGet("t/x.png")).startsWith("https://files.darkroom.invalid/");
    }

    @Test
    void readsARangeAndReportsTheWholeSize() throws Exception {
        byte[] video = bytes(10_000, 8);
        storage.put("t/r.mp4", new ByteArrayInputStream(video), "video/mp4", MIB);

        try (ObjectContent range = storage.open("t/r.mp4", 100, 199)) {
            assertThat(range.body().readAllBytes()).isEqualTo(slice(video, 100, 200));
            assertThat(range.length()).isEqualTo(100);
            assertThat(range.totalSize()).isEqualTo(10_000);
            assertThat(range.rangeStart()).isEqualTo(100);
            assertThat(range.rangeEnd()).isEqualTo(199);
            assertThat(range.contentType()).isEqualTo("video/mp4");
        }
        try (ObjectContent tail = storage.open("t/r.mp4", 9_990, 20_000)) {
            assertThat(tail.body().readAllBytes()).isEqualTo(slice(video, 9_990, 10_000));
            assertThat(tail.rangeEnd()).isEqualTo(9_999);
        }
        assertThatThrownBy(() -> storage.open("t/r.mp4", 10_000, 10_100))
                .isInstanceOf(RangeNotSatisfiableException.class);
    }

    @Test
    void missingObjectsAreNamedAsSuch() {
        assertThatThrownBy(() -> storage.stat("t/missing.png"))
                .isInstanceOfSatisfying(
                        ObjectNotFoundException.class, e -> assertThat(e.key()).isEqualTo("t/missing.png"));
        assertThatThrownBy(() -> storage.open("t/missing.png")).isInstanceOf(ObjectNotFoundException.class);
        assertThat(storage.exists("t/missing.png")).isFalse();
    }

    @Test
    void deleteRemovesAndIsIdempotent() {
        storage.put("t/d.png", new ByteArrayInputStream(bytes(10, 9)), "image/png", MIB);

        storage.delete("t/d.png");
        storage.delete("t/d.png");

        assertThat(storage.exists("t/d.png")).isFalse();
    }

    @Test
    void aFailingSourceStreamStoresNothing() {
        InputStream broken = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ < 100) {
                    return 'x';
                }
                throw new IOException("fal's CDN went away");
            }
        };

        assertThatThrownBy(() -> storage.put("t/broken.png", broken, "image/png", MIB))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining("fal's CDN went away");
        assertThat(storage.exists("t/broken.png")).isFalse();
    }

    @Test
    void rejectsPresignLifetimesS3WouldRefuse() {
        assertThatThrownBy(() -> storage.presignedGet("t/x", Duration.ofDays(8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.presignedGet("t/x", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A stream that hides its length, like a download without Content-Length. */
    private static InputStream unknownLength(byte[] data) {
        return new InputStream() {
            private final ByteArrayInputStream in = new ByteArrayInputStream(data);

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, Math.min(len, 64 * 1024));
            }
        };
    }

    static byte[] bytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static byte[] slice(byte[] data, int from, int to) {
        byte[] slice = new byte[to - from];
        System.arraycopy(data, from, slice, 0, slice.length);
        return slice;
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Test
    void keysAreValidated() {
        assertThatThrownBy(() -> storage.put("/abs", new ByteArrayInputStream(new byte[1]), "x/y", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.stat(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retentionRulesAreNamedPerPrefix() {
        assertThat(BucketRetention.rules(Map.of("b/", 7, "a/", 30)))
                .extracting(rule -> rule.id() + ":" + rule.filter().prefix())
                .containsExactly("expire-0-a:a/", "expire-1-b:b/", "abort-incomplete-uploads:");
    }
}
