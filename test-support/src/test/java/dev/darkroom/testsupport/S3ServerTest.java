package dev.darkroom.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import java.io.ByteArrayInputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class S3ServerTest {

    private static final byte[] BODY = "a generated image".getBytes(StandardCharsets.UTF_8);

    @Test
    void storesAndServesObjectsThroughTheMinioClientAndPresignedUrls() throws Exception {
        S3Server s3 = S3Server.shared();
        MinioClient minio = s3.client();
        String bucket = s3.newBucket();

        minio.putObject(PutObjectArgs.builder().bucket(bucket).object("t/1.png").stream(
                        new ByteArrayInputStream(BODY), (long) BODY.length, null)
                .contentType("image/png")
                .build());

        try (GetObjectResponse in = minio.getObject(
                GetObjectArgs.builder().bucket(bucket).object("t/1.png").build())) {
            assertThat(in.readAllBytes()).isEqualTo(BODY);
        }
        assertThat(minio.statObject(StatObjectArgs.builder()
                                .bucket(bucket)
                                .object("t/1.png")
                                .build())
                        .contentType())
                .isEqualTo("image/png");

        String url = minio.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                .method(Http.Method.GET)
                .bucket(bucket)
                .object("t/1.png")
                .expiry(5, TimeUnit.MINUTES)
                .build());
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(url).startsWith(s3.endpoint() + "/" + bucket + "/t/1.png?");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(BODY);
    }

    @Test
    void refusesAWrongSecret() {
        S3Server s3 = S3Server.shared();
        MinioClient wrong = s3.client(s3.accessKey(), "not-the-secret");

        assertThatThrownBy(() -> wrong.listBuckets()).isInstanceOf(ErrorResponseException.class);
    }

    @Test
    void anInstanceOfItsOwnIsSeparateAndStopsOnClose() throws Exception {
        S3Server own = S3Server.start();
        int port = own.port();
        assertThat(own.port()).isNotEqualTo(S3Server.shared().port());
        own.createBucket("mine");
        assertThat(own.client().listBuckets()).extracting(b -> b.name()).containsExactly("mine");

        own.close();

        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }
}
