package dev.darkroom.storage;

import io.minio.Http;
import io.minio.MinioClient;
import okhttp3.OkHttpClient;

/** MinIO clients for an endpoint, all on one HTTP client. */
final class MinioClients {

    /**
     * One HTTP client for every MinIO client in the JVM, as OkHttp intends: building MinIO's default one parses every
     * CA certificate under {@code SSL_CERT_FILE}/{@code SSL_CERT_DIR}, which takes seconds.
     */
    private static final OkHttpClient SHARED = Http.newDefaultClient();

    private MinioClients() {}

    static MinioClient of(StorageProperties properties, String endpoint) {
        return MinioClient.builder()
                .httpClient(SHARED)
                .endpoint(endpoint)
                .credentials(properties.accessKey(), properties.secretKey())
                // with the region given, presigning is pure computation and needs no round trip to the server
                .region(properties.region())
                .build();
    }
}
