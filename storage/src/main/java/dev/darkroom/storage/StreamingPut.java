package dev.darkroom.storage;

import io.minio.CopyObjectArgs;
import io.minio.Directive;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.SourceObject;
import io.minio.errors.MinioException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * A put that streams, counts and hashes. Up to one part is read first: a shorter stream goes up in one request
 * carrying its sha256 as metadata; a longer one goes up as a multipart upload, and a server-side copy onto itself
 * then adds the sha256, known only at the end.
 */
final class StreamingPut {

    private final MinioClient client;
    private final String bucket;
    private final int partSize;

    StreamingPut(MinioClient client, String bucket, int partSize) {
        this.client = client;
        this.bucket = bucket;
        this.partSize = partSize;
    }

    StoredObject put(String key, InputStream content, String contentType, long maxBytes) {
        MeteredInputStream metered = new MeteredInputStream(content, maxBytes);
        try {
            byte[] head = metered.readNBytes(partSize);
            if (head.length < partSize) {
                String sha256 = metered.sha256Hex();
                client.putObject(PutObjectArgs.builder()
                        .bucket(bucket)
                        .object(key)
                        .data(head, head.length)
                        .contentType(contentType)
                        .headers(ActiveContent.storedHeaders(contentType))
                        .userMetadata(Map.of(ObjectStorage.SHA256_METADATA, sha256))
                        .build());
                return new StoredObject(key, head.length, sha256, contentType);
            }
            client.putObject(PutObjectArgs.builder().bucket(bucket).object(key).stream(
                            new SequenceInputStream(new ByteArrayInputStream(head), metered), null, (long) partSize)
                    .contentType(contentType)
                    .headers(ActiveContent.storedHeaders(contentType))
                    .build());
            String sha256 = metered.sha256Hex();
            addChecksum(key, contentType, sha256);
            return new StoredObject(key, metered.count(), sha256, contentType);
        } catch (MeteredInputStream.LimitExceededException e) {
            throw new ObjectTooLargeException(key, maxBytes);
        } catch (IOException | MinioException e) {
            // the client aborted its multipart upload already; it wraps our stream's failure in its own
            if (metered.limitExceeded()) {
                throw new ObjectTooLargeException(key, maxBytes);
            }
            throw new StorageException(key, "Cannot store " + key + ": " + e.getMessage(), e);
        }
    }

    /** REPLACE drops every stored header, so the copy sets them all again. */
    private static Map<String, String> copyHeaders(String contentType) {
        Map<String, String> headers = new HashMap<>(ActiveContent.storedHeaders(contentType));
        headers.put("Content-Type", contentType);
        return headers;
    }

    private void addChecksum(String key, String contentType, String sha256) {
        try {
            client.copyObject(CopyObjectArgs.builder()
                    .bucket(bucket)
                    .object(key)
                    .source(SourceObject.builder().bucket(bucket).object(key).build())
                    .metadataDirective(Directive.REPLACE)
                    .headers(copyHeaders(contentType))
                    .userMetadata(Map.of(ObjectStorage.SHA256_METADATA, sha256))
                    .build());
        } catch (MinioException e) {
            // an object without its checksum must not look complete
            remove(key, e);
            throw new StorageException(key, "Cannot record the checksum of " + key, e);
        }
    }

    private void remove(String key, MinioException cause) {
        try {
            client.removeObject(
                    RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (MinioException e) {
            cause.addSuppressed(e);
        }
    }
}
