package dev.darkroom.receiver.outputs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A downloaded output on local disk, deleted on close. Outputs go through disk rather than straight into storage
 * because they are checked and measured first (an MP4's {@code moov} box may come last, ImageIO wants to seek), and
 * a file that fails a check must never reach the bucket.
 */
final class TempFile implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TempFile.class);

    private final Path path;

    private TempFile(Path path) {
        this.path = path;
    }

    static TempFile create() {
        try {
            return new TempFile(Files.createTempFile("darkroom-output-", ".part"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for an output", e);
        }
    }

    Path path() {
        return path;
    }

    long size() {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies {@code in} into the file; more than {@code maxBytes} throws {@link TooLarge} with the file cut short. */
    long write(InputStream in, long maxBytes, Deadline deadline) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(path)) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > maxBytes) {
                    throw new TooLarge(maxBytes);
                }
                deadline.check();
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("cannot delete the temporary output {}: {}", path, e.getMessage());
        }
    }

    /** More bytes than the caller allows. */
    static final class TooLarge extends IOException {
        private final long maxBytes;

        TooLarge(long maxBytes) {
            super("more than " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        long maxBytes() {
            return maxBytes;
        }
    }

    /** A point in time past which a download counts as failed. */
    interface Deadline {
        Deadline NONE = () -> {};

        void check() throws IOException;
    }
}
