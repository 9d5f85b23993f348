package dev.darkroom.storage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where outputs are stored ({@code darkroom.storage.*}).
 *
 * @param endpoint the S3 endpoint services use, e.g. {@code http://minio:9000} (required)
 * @param publicEndpoint the endpoint presigned URLs are made for, when tenants cannot reach {@code endpoint}
 *     (e.g. {@code https://files.example.com}); empty to presign for {@code endpoint}
 * @param accessKey the S3 access key
 * @param secretKey the S3 secret key
 * @param region the bucket's region; set explicitly so presigning never asks the server
 * @param bucket the bucket holding every tenant's outputs
 * @param presignTtl how long a presigned URL stays valid unless a caller asks otherwise (at most 7 days)
 * @param partSize the part size of multipart uploads for streams of unknown length (at least 5MB); streams shorter
 *     than this go up in one request
 * @param bootstrap create the bucket at startup when it is missing
 */
@ConfigurationProperties("darkroom.storage")
public record StorageProperties(
        String endpoint,
        String publicEndpoint,
        String accessKey,
        String secretKey,
        @DefaultValue("us-east-1") String region,
        @DefaultValue("darkroom-outputs") String bucket,
        @DefaultValue("15m") Duration presignTtl,
        @DefaultValue("8MB") DataSize partSize,
        @DefaultValue("true") boolean bootstrap) {

    /** S3's smallest part size for every part but the last. */
    static final long MIN_PART_SIZE = 5L * 1024 * 1024;

    public StorageProperties {
        requireText(endpoint, "endpoint");
        requireText(accessKey, "access-key");
        requireText(secretKey, "secret-key");
        requireText(region, "region");
        requireText(bucket, "bucket");
        if (partSize.toBytes() < MIN_PART_SIZE || partSize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "darkroom.storage.part-size must be between 5MB and 2GB, not " + partSize);
        }
        Presigner.checkTtl(presignTtl);
        publicEndpoint = publicEndpoint == null || publicEndpoint.isBlank() ? null : publicEndpoint;
    }

    /** Properties with the defaults, for code and tests that build the storage by hand. */
    public static StorageProperties of(String endpoint, String accessKey, String secretKey, String bucket) {
        return new StorageProperties(
                endpoint,
                null,
                accessKey,
                secretKey,
                "us-east-1",
                bucket,
                Duration.ofMinutes(15),
                DataSize.ofMegabytes(8),
                true);
    }

    /** A copy presigning for {@code publicEndpoint}. */
    public StorageProperties withPublicEndpoint(String publicEndpoint) {
        return new StorageProperties(
                endpoint, publicEndpoint, accessKey, secretKey, region, bucket, presignTtl, partSize, bootstrap);
    }

    /** A copy with another multipart part size. */
    public StorageProperties withPartSize(DataSize partSize) {
        return new StorageProperties(
                endpoint, publicEndpoint, accessKey, secretKey, region, bucket, presignTtl, partSize, bootstrap);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("darkroom.storage." + name + " must be set");
        }
    }
}
