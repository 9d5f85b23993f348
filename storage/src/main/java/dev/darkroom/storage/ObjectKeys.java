package dev.darkroom.storage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** The key layout: every object lives under its tenant's prefix, so retention and isolation work by prefix. */
public final class ObjectKeys {

    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,10}");

    private ObjectKeys() {}

    /**
     * The key of a job's output: {@code {tenantId}/{yyyy}/{MM}/{jobId}/{index}.{ext}}, year and month in UTC.
     *
     * @param extension lower-case letters and digits without the dot, e.g. {@code png}, {@code mp4}
     */
    public static String output(UUID tenantId, Instant createdAt, UUID jobId, int index, String extension) {
        Objects.requireNonNull(jobId, "jobId");
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
        if (extension == null || !EXTENSION.matcher(extension).matches()) {
            throw new IllegalArgumentException("extension must be 1-10 lower-case letters or digits: " + extension);
        }
        ZonedDateTime utc = createdAt.atZone(ZoneOffset.UTC);
        return String.format(
                "%s%04d/%02d/%s/%d.%s",
                tenantPrefix(tenantId), utc.getYear(), utc.getMonthValue(), jobId, index, extension);
    }

    /** Everything of one tenant: {@code {tenantId}/}. */
    public static String tenantPrefix(UUID tenantId) {
        return Objects.requireNonNull(tenantId, "tenantId") + "/";
    }
}
