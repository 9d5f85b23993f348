package dev.darkroom.falsim.cdn;

import dev.darkroom.falsim.DaemonThreads;
import dev.darkroom.falsim.web.BaseUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Files of the simulated CDN: bytes on disk (never on the heap while served), an index in memory, expiry by the
 * simulator's clock. Keys look like fal's: {@code files/{animal}/{random id}.{ext}}.
 */
@Component
public class CdnStore implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CdnStore.class);
    private static final List<String> BUCKETS =
            List.of("koala", "zebra", "rabbit", "panda", "lion", "tiger", "monkey", "penguin", "elephant", "kangaroo");
    private static final char[] ID_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    private final CdnProperties properties;
    private final Clock clock;
    private final Path root;
    private final boolean temporary;
    private final Map<String, StoredFile> files = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final ScheduledExecutorService sweeper =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("fal-sim-cdn-sweeper"));

    CdnStore(CdnProperties properties, Clock clock) throws IOException {
        this.properties = properties;
        this.clock = clock;
        this.temporary = properties.directory() == null;
        this.root =
                temporary ? Files.createTempDirectory("fal-sim-cdn") : Files.createDirectories(properties.directory());
        long every = properties.sweepInterval().toMillis();
        sweeper.scheduleWithFixedDelay(this::deleteExpired, every, every, TimeUnit.MILLISECONDS);
    }

    /** A new, unused key with this file extension (no dot), for a file that will be written later. */
    public String newKey(String extension) {
        String bucket = BUCKETS.get(random.nextInt(BUCKETS.size()));
        return "files/" + bucket + "/" + randomId(21) + (extension.isEmpty() ? "" : "." + extension);
    }

    /** Stores bytes under a new key. */
    public StoredFile put(byte[] bytes, String contentType, String extension, Duration lifetime, BaseUrl base) {
        return write(newKey(extension), contentType, lifetime, base, path -> Files.write(path, bytes));
    }

    /**
     * Stores what {@code writer} writes under {@code key}: it writes to a temporary file, which then replaces any
     * earlier file atomically, so a reader never sees half a file.
     */
    public StoredFile write(String key, String contentType, Duration lifetime, BaseUrl base, FileWriter writer) {
        try {
            Path target = root.resolve(key).normalize();
            if (!target.startsWith(root)) {
                throw new IllegalArgumentException("key escapes the CDN directory: " + key);
            }
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(root, "upload", ".part");
            try {
                writer.write(partial);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            Instant expiresAt = clock.instant().plus(lifetime != null ? lifetime : properties.fileLifetime());
            String fileName = key.substring(key.lastIndexOf('/') + 1);
            StoredFile file = new StoredFile(
                    key, base.cdn() + "/" + key, fileName, contentType, Files.size(target), target, expiresAt);
            files.put(key, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file under a key, if it exists and has not expired. */
    public StoredFile find(String key) {
        StoredFile file = files.get(key);
        return file == null || !clock.instant().isBefore(file.expiresAt()) ? null : file;
    }

    /** A temporary file in the CDN directory (same file system, so it can be moved into place). */
    public Path scratchFile() throws IOException {
        return Files.createTempFile(root, "scratch", ".part");
    }

    private void deleteExpired() {
        Instant now = clock.instant();
        files.values().removeIf(file -> {
            if (now.isBefore(file.expiresAt())) {
                return false;
            }
            try {
                Files.deleteIfExists(file.path());
            } catch (IOException e) {
                log.warn("could not delete expired CDN file {}", file.path(), e);
            }
            return true;
        });
    }

    private String randomId(int length) {
        char[] id = new char[length];
        for (int i = 0; i < length; i++) {
            id[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
        }
        return new String(id);
    }

    @Override
    public void destroy() throws IOException {
        sweeper.shutdownNow();
        if (temporary) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** Writes a file's content to the given path. */
    @FunctionalInterface
    public interface FileWriter {
        void write(Path path) throws IOException;
    }
}
