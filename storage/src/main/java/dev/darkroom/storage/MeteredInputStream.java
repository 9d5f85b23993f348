package dev.darkroom.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts and hashes what passes through, and fails the read that would pass more than the limit. The MinIO client
 * wraps the failure in its own exception, so {@link #limitExceeded()} tells the caller what happened.
 */
final class MeteredInputStream extends FilterInputStream {

    /** The read that crossed the limit. */
    static final class LimitExceededException extends IOException {
        LimitExceededException(long maxBytes) {
            super("More than " + maxBytes + " bytes");
        }
    }

    private final long maxBytes;
    private final MessageDigest sha256;
    private long count;
    private boolean limitExceeded;

    MeteredInputStream(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            passed(1);
            sha256.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            passed(n);
            sha256.update(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skipping would leave bytes out of the checksum");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void passed(int n) throws LimitExceededException {
        count += n;
        if (count > maxBytes) {
            limitExceeded = true;
            throw new LimitExceededException(maxBytes);
        }
    }

    long count() {
        return count;
    }

    boolean limitExceeded() {
        return limitExceeded;
    }

    /** The hash of everything read; call once, at the end. */
    String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
