package dev.darkroom.falsim.queue;

import dev.darkroom.contracts.catalog.ModelKind;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The simulated queue.
 *
 * @param concurrency requests IN_PROGRESS at once (fal's per-account concurrency); the rest wait IN_QUEUE
 * @param modelTime simulated model time per fal endpoint id ({@code model-time.[fal-ai/flux/dev]=2s})
 * @param imageModelTime model time of image endpoints not in {@code model-time}
 * @param videoModelTime model time of video endpoints not in {@code model-time}
 * @param validation when a body that breaks the model's schema fails: {@code run} (like fal: accepted, then
 *     completes with the 422) or {@code submit} (422 straight from the submit)
 * @param resultRetention how long a result stays fetchable after completion (fal: 1 hour)
 * @param largeResultRetention retention of results at least {@code large-result-threshold} big (fal: 6 minutes)
 * @param largeResultThreshold result body size from which the large retention applies (fal: 10 KB)
 * @param payloadStorage the account's payload storage: on, fal keeps requests' payloads, and so their results, for
 *     {@code payload-storage-retention}; a request turns it off with {@code X-Fal-Store-IO: 0} (or on with any
 *     other value)
 * @param payloadStorageRetention how long a stored payload's result stays fetchable (fal: 30 days)
 * @param expiredResultStatus HTTP status of a result fetched after its retention (fal: undocumented, 404 likely)
 * @param expiredResultDetail {@code detail} of that answer
 * @param forgetAfter how long after completion a request disappears entirely (status then answers 404)
 * @param streamPingInterval interval of {@code : ping} comments on status streams (fal: about 15 s)
 * @param streamTimeout longest a status stream stays open
 */
@ConfigurationProperties("fal-sim.queue")
public record QueueProperties(
        @DefaultValue("8") int concurrency,
        Map<String, Duration> modelTime,
        @DefaultValue("300ms") Duration imageModelTime,
        @DefaultValue("1s") Duration videoModelTime,
        @DefaultValue("run") ValidationMode validation,
        @DefaultValue("1h") Duration resultRetention,
        @DefaultValue("6m") Duration largeResultRetention,
        @DefaultValue("10KB") DataSize largeResultThreshold,
        @DefaultValue("false") boolean payloadStorage,
        @DefaultValue("30d") Duration payloadStorageRetention,
        @DefaultValue("404") int expiredResultStatus,
        @DefaultValue("Request not found") String expiredResultDetail,
        @DefaultValue("24h") Duration forgetAfter,
        @DefaultValue("10s") Duration streamPingInterval,
        @DefaultValue("30m") Duration streamTimeout) {

    public QueueProperties {
        modelTime = modelTime == null ? Map.of() : Map.copyOf(modelTime);
        if (concurrency < 1) {
            throw new IllegalArgumentException("fal-sim.queue.concurrency must be at least 1");
        }
        if (streamPingInterval.isZero()
                || streamPingInterval.isNegative()
                || streamPingInterval.compareTo(Duration.ofSeconds(15)) > 0) {
            throw new IllegalArgumentException("fal-sim.queue.stream-ping-interval must be within (0, 15s]");
        }
    }

    /** How long a result stays fetchable after completion. */
    public Duration retentionOf(long bodySize, boolean payloadStored) {
        if (payloadStored) {
            return payloadStorageRetention;
        }
        return bodySize >= largeResultThreshold.toBytes() ? largeResultRetention : resultRetention;
    }

    /** The simulated model time of an endpoint. */
    public Duration modelTimeOf(String endpointId, ModelKind kind) {
        Duration configured = modelTime.get(endpointId);
        if (configured != null) {
            return configured;
        }
        return kind == ModelKind.VIDEO ? videoModelTime : imageModelTime;
    }

    /** Where schema validation happens. */
    public enum ValidationMode {
        /** In the model runner, as on fal: the request is queued and completes with the 422. */
        RUN,
        /** At submit: the submit itself is answered 422 and nothing is queued. */
        SUBMIT
    }
}
