package dev.darkroom.receiver.outputs;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one output into a temporary file: bounded in size (the cap is enforced while streaming, not trusted from
 * {@code Content-Length}), in connect and read time, and in total time per attempt. Redirects are followed by hand
 * so each target passes the {@link OutputUrlPolicy} too. Transient failures (connection errors, timeouts, 408, 429,
 * 5xx) are retried with doubling waits; anything else fails the output at once.
 *
 * <p>{@link HttpURLConnection} rather than {@code java.net.http}: the JDK's newer client has no read timeout for
 * the body, and a stalled CDN must not hold a consumer forever.
 */
final class OutputDownloader {

    private static final Logger log = LoggerFactory.getLogger(OutputDownloader.class);

    private final OutputUrlPolicy policy;
    private final OutputProperties properties;

    OutputDownloader(OutputUrlPolicy policy, OutputProperties properties) {
        this.policy = policy;
        this.properties = properties;
    }

    /** The output in a temporary file the caller closes, or {@link OutputRejectedException}. */
    TempFile download(OutputRef ref, long maxBytes, int index) {
        TempFile file = TempFile.create();
        try {
            if (DataUris.isDataUri(ref.url())) {
                DataUris.decode(ref.url(), file, maxBytes, index);
            } else {
                fetchWithRetries(policy.check(ref.url()), file, maxBytes, index);
            }
            return file;
        } catch (TempFile.TooLarge e) {
            file.close();
            throw OutputRejectedException.invalid(
                    "output " + index + " is larger than the limit of " + megabytes(e.maxBytes()));
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    private void fetchWithRetries(URI uri, TempFile file, long maxBytes, int index) throws TempFile.TooLarge {
        Duration wait = properties.retryBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                fetch(uri, file, maxBytes, index, properties.maxRedirects());
                return;
            } catch (TempFile.TooLarge e) {
                throw e;
            } catch (IOException e) {
                if (attempt >= properties.downloadAttempts()) {
                    throw OutputRejectedException.downloadFailed("output " + index + " could not be downloaded after "
                            + attempt + " attempt(s): " + e.getMessage());
                }
                log.info(
                        "download of output {} failed (attempt {}), retrying in {}: {}",
                        index,
                        attempt,
                        wait,
                        e.getMessage());
                pause(wait);
                wait = wait.multipliedBy(2);
            }
        }
    }

    /** One attempt; IOException means transient, {@link OutputRejectedException} permanent. */
    private void fetch(URI uri, TempFile file, long maxBytes, int index, int redirectsLeft) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        try {
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout(millis(properties.connectTimeout()));
            connection.setReadTimeout(millis(properties.readTimeout()));
            connection.setRequestProperty("User-Agent", "darkroom-webhook-receiver");
            connection.setRequestProperty("Accept-Encoding", "identity");
            int status = connection.getResponseCode();
            if (status >= 300 && status < 400) {
                follow(uri, connection.getHeaderField("Location"), file, maxBytes, index, redirectsLeft, status);
                return;
            }
            if (status == 408 || status == 429 || status >= 500) {
                throw new IOException("the server answered " + status);
            }
            if (status != 200) {
                throw OutputRejectedException.downloadFailed(
                        "output " + index + " could not be downloaded: the server answered " + status);
            }
            long declared = connection.getContentLengthLong();
            if (declared > maxBytes) {
                throw new TempFile.TooLarge(maxBytes);
            }
            long deadline = System.nanoTime() + properties.downloadTimeout().toNanos();
            try (InputStream body = connection.getInputStream()) {
                long received = file.write(body, maxBytes, () -> {
                    if (System.nanoTime() - deadline > 0) {
                        throw new IOException("the download took longer than " + properties.downloadTimeout());
                    }
                });
                if (declared >= 0 && received != declared) {
                    throw new IOException("the download ended after " + received + " of " + declared + " bytes");
                }
            }
        } finally {
            connection.disconnect();
        }
    }

    private void follow(
            URI from, String location, TempFile file, long maxBytes, int index, int redirectsLeft, int status)
            throws IOException {
        if (location == null || redirectsLeft <= 0) {
            throw OutputRejectedException.downloadFailed("output " + index + " could not be downloaded: the server"
                    + " answered " + status + (location == null ? " without a location" : " once too often"));
        }
        URI target = policy.check(from.resolve(location).toString());
        fetch(target, file, maxBytes, index, redirectsLeft - 1);
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a download", e);
        }
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }

    static String megabytes(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}
