package dev.darkroom.worker.core;

import dev.darkroom.contracts.catalog.ModelKind;
import dev.darkroom.contracts.messaging.Messaging;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What a worker consumes and how it submits to fal.
 *
 * @param kind the models this worker serves; decides its work queue ({@link #queue()})
 * @param concurrency consumers on the work queue; each holds one message while it submits, never while fal renders
 * @param startTimeout fal's start deadline ({@code X-Fal-Request-Timeout}), at least 1 s as fal's clients require;
 *     null sends none
 * @param allowedHosts hosts whose input images may resolve to private or loopback addresses (operator allow-list)
 * @param inputImages how input image URLs are checked and handed to fal
 */
@ConfigurationProperties("darkroom.worker")
public record WorkerProperties(
        ModelKind kind,
        @DefaultValue("4") int concurrency,
        Duration startTimeout,
        @DefaultValue List<String> allowedHosts,
        @DefaultValue InputImageSettings inputImages) {

    public WorkerProperties {
        if (kind == null) {
            throw new IllegalArgumentException("darkroom.worker.kind must be image or video");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("darkroom.worker.concurrency must be at least 1");
        }
        if (startTimeout != null && startTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("darkroom.worker.start-timeout must be at least 1s");
        }
    }

    /** The work queue of this worker's kind, named in {@code contracts}. */
    public String queue() {
        return kind == ModelKind.VIDEO ? Messaging.WORK_VIDEO_QUEUE : Messaging.WORK_IMAGE_QUEUE;
    }

    /**
     * Input images ({@code image_url}, {@code end_image_url}): fetched and checked before the submit, then passed to
     * fal unchanged, or uploaded to fal's storage when fal could not fetch them itself.
     *
     * @param resolve check input images at all; off, fal receives the URLs as the tenant sent them
     * @param ownStorageUrls base URLs of Darkroom's own object storage (public and internal endpoint): images there
     *     are previous jobs' outputs, fetched without the address check and uploaded to fal
     * @param alwaysUpload upload every input image to fal's storage instead of passing public URLs through
     * @param maxSize the largest image accepted
     * @param connectTimeout limit on connecting to the image's host
     * @param fetchTimeout limit on one whole fetch, body included
     * @param maxRedirects redirects followed, each one checked like the first URL
     * @param falLifetime how long an image uploaded to fal's storage lives there ({@code X-Fal-Object-Lifecycle}):
     *     the job's longest time at fal, the orchestrator's {@code darkroom.reconciler.queue-deadline} plus {@code
     *     max-run-time}, so a tenant's input does not linger on fal's CDN
     */
    public record InputImageSettings(
            @DefaultValue("false") boolean resolve,
            @DefaultValue List<String> ownStorageUrls,
            @DefaultValue("false") boolean alwaysUpload,
            @DefaultValue("20MB") DataSize maxSize,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("20s") Duration fetchTimeout,
            @DefaultValue("3") int maxRedirects,
            @DefaultValue("70m") Duration falLifetime) {}
}
