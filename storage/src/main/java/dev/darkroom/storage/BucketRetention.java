package dev.darkroom.storage;

import io.minio.DeleteBucketLifecycleArgs;
import io.minio.MinioClient;
import io.minio.SetBucketLifecycleArgs;
import io.minio.errors.MinioException;
import io.minio.messages.Filter;
import io.minio.messages.LifecycleConfiguration;
import io.minio.messages.Status;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Retention as bucket lifecycle rules: one expiration rule per prefix. */
final class BucketRetention {

    /** S3 allows 1000 rules per bucket; one is spent on abandoned multipart uploads. */
    static final int MAX_PREFIXES = 999;

    private static final Set<String> UNSUPPORTED = Set.of("NotImplemented", "NotSupported", "UnsupportedOperation");
    private static final Logger log = LoggerFactory.getLogger(BucketRetention.class);

    private final MinioClient client;
    private final String bucket;
    private final AtomicBoolean unsupportedLogged = new AtomicBoolean();

    BucketRetention(MinioClient client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    RetentionResult apply(Map<String, Integer> daysByPrefix) {
        List<LifecycleConfiguration.Rule> rules = rules(daysByPrefix);
        try {
            if (daysByPrefix.isEmpty()) {
                client.deleteBucketLifecycle(
                        DeleteBucketLifecycleArgs.builder().bucket(bucket).build());
            } else {
                client.setBucketLifecycle(SetBucketLifecycleArgs.builder()
                        .bucket(bucket)
                        .config(new LifecycleConfiguration(rules))
                        .build());
            }
            return RetentionResult.applied(daysByPrefix.size());
        } catch (MinioException e) {
            String code = S3Errors.code(e);
            if (code == null || !UNSUPPORTED.contains(code)) {
                throw new StorageException(null, "Cannot set the lifecycle rules of bucket " + bucket, e);
            }
            String reason = "The S3 server does not support bucket lifecycle rules (" + code + ")";
            if (unsupportedLogged.compareAndSet(false, true)) {
                log.warn("{}: outputs in bucket {} are kept until deleted", reason, bucket);
            }
            return RetentionResult.unsupported(daysByPrefix.size(), reason);
        }
    }

    static List<LifecycleConfiguration.Rule> rules(Map<String, Integer> daysByPrefix) {
        if (daysByPrefix.size() > MAX_PREFIXES) {
            throw new IllegalArgumentException(
                    "At most " + MAX_PREFIXES + " retention prefixes per bucket, not " + daysByPrefix.size());
        }
        List<LifecycleConfiguration.Rule> rules = new ArrayList<>();
        new TreeMap<>(daysByPrefix).forEach((prefix, days) -> {
            if (prefix == null || prefix.isEmpty() || days == null || days < 1) {
                throw new IllegalArgumentException(
                        "Retention needs a prefix and at least one day: " + prefix + "=" + days);
            }
            rules.add(new LifecycleConfiguration.Rule(
                    Status.ENABLED,
                    null,
                    new LifecycleConfiguration.Expiration((ZonedDateTime) null, days, null, null),
                    new Filter(prefix),
                    ruleId(rules.size(), prefix),
                    null,
                    null,
                    null));
        });
        rules.add(new LifecycleConfiguration.Rule(
                Status.ENABLED,
                new LifecycleConfiguration.AbortIncompleteMultipartUpload(1),
                null,
                new Filter(""),
                "abort-incomplete-uploads",
                null,
                null,
                null));
        return rules;
    }

    /** Unique by position, readable by prefix. */
    private static String ruleId(int position, String prefix) {
        String id = "expire-" + position + "-" + prefix.replaceAll("[^A-Za-z0-9-]", "");
        return id.length() > 255 ? id.substring(0, 255) : id;
    }
}
