package dev.darkroom.receiver.outputs;

import dev.darkroom.contracts.catalog.ModelKind;
import dev.darkroom.contracts.messages.StoredOutput;
import dev.darkroom.storage.ObjectKeys;
import dev.darkroom.storage.ObjectStorage;
import dev.darkroom.storage.StoredObject;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Copies a job's outputs into storage. Every output is downloaded and checked before the first is stored, so a job
 * that fails on its third file leaves no objects behind. Keys are fixed per (job, index): copying the same result
 * again overwrites the same objects with the same bytes.
 */
@Component
public class OutputCopier {

    private static final Logger log = LoggerFactory.getLogger(OutputCopier.class);

    private final OutputDownloader downloader;
    private final ObjectStorage storage;
    private final OutputProperties properties;
    private final MeterRegistry meters;

    OutputCopier(
            OutputDownloader downloader, ObjectStorage storage, OutputProperties properties, MeterRegistry meters) {
        this.downloader = downloader;
        this.storage = storage;
        this.properties = properties;
        this.meters = meters;
    }

    /**
     * Downloads, checks, measures and stores every output, in fal's order.
     *
     * @param maxSide the longest side an image may have, when the model bounds it; a larger one fails the job
     *
     * @throws OutputRejectedException when an output is invalid, too large or cannot be downloaded: the job fails
     * @throws dev.darkroom.storage.StorageException when storage fails: worth retrying
     */
    public List<StoredOutput> copy(
            UUID tenantId, Instant createdAt, UUID jobId, ModelKind kind, List<OutputRef> refs, OptionalInt maxSide) {
        long maxBytes = kind == ModelKind.VIDEO
                ? properties.maxVideoSize().toBytes()
                : properties.maxImageSize().toBytes();
        List<TempFile> files = new ArrayList<>();
        try {
            List<Measured> measured = new ArrayList<>();
            for (int i = 0; i < refs.size(); i++) {
                OutputRef ref = refs.get(i);
                TempFile file = downloader.download(ref, maxBytes, i);
                files.add(file);
                String declared = ref.declaredContentType() != null
                        ? ref.declaredContentType()
                        : DataUris.isDataUri(ref.url()) ? DataUris.mediaType(ref.url()) : null;
                Measured m = MediaInspector.inspect(file.path(), kind, declared, i);
                checkSize(m, maxSide, i);
                measured.add(m);
            }
            List<StoredOutput> stored = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                stored.add(store(tenantId, createdAt, jobId, i, files.get(i), measured.get(i), kind, refs.get(i)));
            }
            return stored;
        } finally {
            files.forEach(TempFile::close);
        }
    }

    private static void checkSize(Measured m, OptionalInt maxSide, int index) {
        if (maxSide.isEmpty() || m.width() == null || m.height() == null) {
            return;
        }
        if (m.width() > maxSide.getAsInt() || m.height() > maxSide.getAsInt()) {
            throw OutputRejectedException.invalid("output " + index + " is " + m.width() + "x" + m.height()
                    + " pixels, larger than the model's maximum of " + maxSide.getAsInt() + " pixels a side");
        }
    }

    private StoredOutput store(
            UUID tenantId,
            Instant createdAt,
            UUID jobId,
            int index,
            TempFile file,
            Measured measured,
            ModelKind kind,
            OutputRef ref) {
        String key = ObjectKeys.output(
                tenantId, createdAt, jobId, index, measured.media().extension());
        // the download already enforced the size limit
        StoredObject object = storage.put(key, file.path(), measured.media().contentType());
        Counter.builder("darkroom.receiver.stored.bytes")
                .description("bytes of outputs stored, by kind")
                .baseUnit("bytes")
                .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                .register(meters)
                .increment(object.bytes());
        log.info(
                "stored output {} of job {} at {} ({} bytes, {})",
                index,
                jobId,
                key,
                object.bytes(),
                object.contentType());
        return new StoredOutput(
                index,
                object.key(),
                object.contentType(),
                object.bytes(),
                object.sha256Hex(),
                measured.width(),
                measured.height(),
                measured.durationSeconds(),
                ref.nsfw());
    }
}
