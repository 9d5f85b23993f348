package dev.darkroom.storage;

import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.MinioClient;
import io.minio.errors.MinioException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Presigned GET URLs, signed for the host tenants reach (the public endpoint when one is configured). */
final class Presigner {

    private static final Duration MAX_TTL = Duration.ofDays(7);

    private final MinioClient client;
    private final String bucket;

    Presigner(MinioClient client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    /** A URL anyone can GET the object with until {@code ttl} passes. It does not check that the object exists. */
    String get(String key, Duration ttl) {
        checkTtl(ttl);
        try {
            return client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                    .method(Http.Method.GET)
                    .bucket(bucket)
                    .object(key)
                    .expiry((int) ttl.toSeconds(), TimeUnit.SECONDS)
                    .extraQueryParams(ActiveContent.presignOverrides(key))
                    .build());
        } catch (MinioException e) {
            throw new StorageException(key, "Cannot presign " + key, e);
        }
    }

    static void checkTtl(Duration ttl) {
        if (ttl == null || ttl.toSeconds() < 1 || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("A presigned URL lives between 1 second and 7 days, not " + ttl);
        }
    }
}
