package dev.darkroom.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.UploadObjectArgs;
import io.minio.errors.MinioException;
import io.minio.messages.Item;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Darkroom's bucket: puts of files or size-limited streams that record a sha256, reads whole or by range, presigned GET
 * URLs for tenants, bucket bootstrap and retention ({@link BucketRetention}).
 */
public final class ObjectStorage {

    /** User metadata key holding the content's hex sha256 ({@code x-amz-meta-sha256}). */
    public static final String SHA256_METADATA = "sha256";

    /** S3's largest single PUT; as the part size, it keeps every smaller file to one request. */
    private static final long MAX_SINGLE_PUT = 5L * 1024 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ObjectStorage.class);

    private final MinioClient client;
    private final Presigner presigner;
    private final String bucket;
    private final Duration presignTtl;
    private final BucketRetention retention;
    private final StreamingPut upload;

    public ObjectStorage(StorageProperties properties) {
        this.client = MinioClients.of(properties, properties.endpoint());
        // a URL signs its host: tenants get URLs for the public host, signed by a client configured for it
        this.presigner = new Presigner(
                properties.publicEndpoint() == null ? client : MinioClients.of(properties, properties.publicEndpoint()),
                properties.bucket());
        this.bucket = properties.bucket();
        this.presignTtl = properties.presignTtl();
        this.retention = new BucketRetention(client, bucket);
        this.upload =
                new StreamingPut(client, bucket, (int) properties.partSize().toBytes());
    }

    public String bucket() {
        return bucket;
    }

    /**
     * Creates the bucket unless it exists. Safe when several services start at once: losing the race to create it
     * is success.
     */
    public void bootstrap() {
        try {
            if (bucketExists()) {
                return;
            }
            client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            log.info("Created bucket {}", bucket);
        } catch (MinioException e) {
            if (S3Errors.hasCode(e, "BucketAlreadyOwnedByYou", "BucketAlreadyExists") && bucketExistsQuietly()) {
                return;
            }
            throw new StorageException(null, "Cannot create bucket " + bucket, e);
        }
    }

    /**
     * Streams {@code content} into {@code key}, hashing and counting as it goes. A stream shorter than the part size
     * goes up in one request carrying its sha256 as metadata; a longer one goes up as a multipart upload, and a
     * server-side copy onto itself then adds the sha256, known only at the end.
     *
     * @param maxBytes the most the caller accepts; a longer stream stores nothing
     * @throws ObjectTooLargeException when {@code content} is longer than {@code maxBytes}
     * @throws StorageException when the stream or the server fails
     */
    public StoredObject put(String key, InputStream content, String contentType, long maxBytes) {
        requireKey(key);
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        return upload.put(key, content, contentType, maxBytes);
    }

    /**
     * Stores a local file with its sha256, hashed from the file first: with size and hash known up front, a file up
     * to S3's 5 GiB single-PUT limit goes up in one request, and no copy is needed to add the checksum afterwards.
     *
     * @throws UncheckedIOException when the file cannot be read
     * @throws StorageException when the server fails
     */
    public StoredObject put(String key, Path file, String contentType) {
        requireKey(key);
        String sha256;
        long size;
        try (MeteredInputStream in = new MeteredInputStream(Files.newInputStream(file), Long.MAX_VALUE)) {
            byte[] buffer = new byte[64 * 1024];
            while (in.read(buffer) != -1) {
                // read only to hash and count
            }
            sha256 = in.sha256Hex();
            size = in.count();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " to store it at " + key, e);
        }
        try {
            client.uploadObject(UploadObjectArgs.builder()
                    .bucket(bucket)
                    .object(key)
                    .filename(file.toString(), MAX_SINGLE_PUT)
                    .contentType(contentType)
                    .headers(ActiveContent.storedHeaders(contentType))
                    .userMetadata(Map.of(SHA256_METADATA, sha256))
                    .build());
        } catch (MinioException e) {
            throw new StorageException(key, "Cannot store " + key + ": " + e.getMessage(), e);
        }
        return new StoredObject(key, size, sha256, contentType);
    }

    /** A URL anyone can GET the object with for {@code darkroom.storage.presign-ttl}. */
    public String presignedGet(String key) {
        return presignedGet(key, presignTtl);
    }

    /**
     * A URL anyone can GET the object with until {@code ttl} passes, for the public endpoint when one is configured.
     * It does not check that the object exists. An SVG's URL asks for it as an attachment ({@link ActiveContent}).
     */
    public String presignedGet(String key, Duration ttl) {
        requireKey(key);
        return presigner.get(key, ttl);
    }

    /**
     * Size, checksum and content type.
     *
     * @throws ObjectNotFoundException when there is no such object
     */
    public StoredObject stat(String key) {
        requireKey(key);
        try {
            StatObjectResponse stat = client.statObject(
                    StatObjectArgs.builder().bucket(bucket).object(key).build());
            return new StoredObject(
                    key, stat.size(), stat.userMetadata().getFirst(SHA256_METADATA), stat.contentType());
        } catch (MinioException e) {
            throw S3Errors.translate(key, "Cannot stat " + key, e);
        }
    }

    /** How many objects there are under a key prefix, such as a tenant's; for audits, it lists them all. */
    public long count(String prefix) {
        long n = 0;
        try {
            for (Result<Item> item : client.listObjects(ListObjectsArgs.builder()
                    .bucket(bucket)
                    .prefix(prefix)
                    .recursive(true)
                    .build())) {
                item.get();
                n++;
            }
            return n;
        } catch (MinioException e) {
            throw S3Errors.translate(prefix, "Cannot list " + prefix, e);
        }
    }

    /** True when an object exists under {@code key}. */
    public boolean exists(String key) {
        try {
            stat(key);
            return true;
        } catch (ObjectNotFoundException e) {
            return false;
        }
    }

    /**
     * The whole object, streamed.
     *
     * @throws ObjectNotFoundException when there is no such object
     */
    public ObjectContent open(String key) {
        requireKey(key);
        return open(key, GetObjectArgs.builder().bucket(bucket).object(key).build(), 0);
    }

    /**
     * Bytes {@code rangeStart..rangeEnd} (both inclusive, as in HTTP {@code Range: bytes=start-end}); an end past the
     * object's last byte is cut to it.
     *
     * @throws ObjectNotFoundException when there is no such object
     * @throws RangeNotSatisfiableException when {@code rangeStart} is at or past the object's end
     */
    public ObjectContent open(String key, long rangeStart, long rangeEnd) {
        requireKey(key);
        if (rangeStart < 0 || rangeEnd < rangeStart) {
            throw new IllegalArgumentException("Invalid range " + rangeStart + "-" + rangeEnd);
        }
        GetObjectArgs args = GetObjectArgs.builder()
                .bucket(bucket)
                .object(key)
                .offset(rangeStart)
                .length(rangeEnd - rangeStart + 1)
                .build();
        try {
            return open(key, args, rangeStart);
        } catch (StorageException e) {
            if (S3Errors.hasCode(e.getCause(), "InvalidRange")) {
                throw new RangeNotSatisfiableException(key, rangeStart, e.getCause());
            }
            throw e;
        }
    }

    private ObjectContent open(String key, GetObjectArgs args, long rangeStart) {
        GetObjectResponse response;
        try {
            response = client.getObject(args);
        } catch (MinioException e) {
            throw S3Errors.translate(key, "Cannot read " + key, e);
        }
        try {
            long length = Long.parseLong(response.headers().get("Content-Length"));
            String contentRange = response.headers().get("Content-Range");
            long total = contentRange == null
                    ? length
                    : Long.parseLong(contentRange.substring(contentRange.lastIndexOf('/') + 1));
            return new ObjectContent(response, length, total, response.headers().get("Content-Type"), rangeStart);
        } catch (NumberFormatException e) {
            StorageException failure =
                    new StorageException(key, "Cannot read " + key + ": no usable Content-Length or Content-Range", e);
            try {
                response.close();
            } catch (IOException closing) {
                failure.addSuppressed(closing);
            }
            throw failure;
        }
    }

    /** Removes the object; removing one that does not exist is fine. */
    public void delete(String key) {
        requireKey(key);
        try {
            client.removeObject(
                    RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (MinioException e) {
            throw new StorageException(key, "Cannot delete " + key, e);
        }
    }

    /**
     * Replaces the bucket's lifecycle rules: objects under each prefix expire that many days after they were
     * written. A server without lifecycle support (s3proxy) is reported in the result and logged once, not thrown.
     *
     * @param daysByPrefix e.g. {@code {ObjectKeys.tenantPrefix(t) -> 30}}; empty removes every rule
     */
    public RetentionResult applyRetention(Map<String, Integer> daysByPrefix) {
        return retention.apply(daysByPrefix);
    }

    private boolean bucketExists() throws MinioException {
        return client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
    }

    private boolean bucketExistsQuietly() {
        try {
            return bucketExists();
        } catch (MinioException e) {
            log.warn("Cannot check bucket {} after losing the race to create it", bucket, e);
            return false;
        }
    }

    private static void requireKey(String key) {
        if (key == null || key.isBlank() || key.startsWith("/")) {
            throw new IllegalArgumentException("Invalid object key: " + key);
        }
    }
}
