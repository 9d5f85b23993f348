package dev.darkroom.worker.core.images;

import dev.darkroom.support.net.ForbiddenUrlException;
import dev.darkroom.support.net.GuardedHttp;
import dev.darkroom.support.net.RefusedAddressException;
import dev.darkroom.support.net.UrlGuard;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches an input image the way a careful server fetches a URL a stranger gave it: every hop checked by the
 * {@link UrlGuard}, redirects followed by hand (so each target is checked too), one deadline for the whole fetch, a
 * size cap enforced while reading, and only {@code image/*} accepted. The client is a
 * {@link dev.darkroom.support.net.GuardedHttp} one, so the guard also decides at connect time.
 *
 * <p>What the target answered (its status, content type, or that it did not answer) is logged, not told the
 * tenant: the tenant's message says only that the URL could not be fetched as an image, so a job cannot be used
 * to scan which hosts and ports answer how.
 */
final class ImageFetcher {

    private static final Logger log = LoggerFactory.getLogger(ImageFetcher.class);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String UNUSABLE = "could not be fetched as an image";

    /** One hop's answer; the body only when it is a 200 image within the cap, else null. */
    private record Hop(int status, String contentType, String location, byte[] body, boolean tooLarge) {}

    private final OkHttpClient guarded;
    private final OkHttpClient trusted;
    private final UrlGuard guard;
    private final long maxBytes;
    private final Duration fetchTimeout;
    private final int maxRedirects;

    /** @param http timeouts and connection pool to share; redirects and address checks are set here */
    ImageFetcher(OkHttpClient http, UrlGuard guard, long maxBytes, Duration fetchTimeout, int maxRedirects) {
        // Darkroom's own storage is not checked (it lives on a private address), every other hop is
        this.trusted = http.newBuilder()
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        this.guarded = GuardedHttp.guard(http.newBuilder(), guard).build();
        this.guard = guard;
        this.maxBytes = maxBytes;
        this.fetchTimeout = fetchTimeout;
        this.maxRedirects = maxRedirects;
    }

    /**
     * @param trusted true for Darkroom's own storage: its address is not checked, and its failures to answer are
     *     our outage ({@link ImageSourceUnavailableException}) rather than a bad input
     * @throws InputImageException when the image cannot be used
     */
    FetchedImage fetch(String field, URI url, boolean trusted) {
        long deadline = System.nanoTime() + fetchTimeout.toNanos();
        URI current = url;
        boolean trustedHop = trusted;
        for (int redirects = 0; ; redirects++) {
            if (!trustedHop) {
                check(field, current);
            }
            Hop response = send(field, current, trustedHop, deadline);
            int status = response.status();
            if (REDIRECTS.contains(status)) {
                if (redirects >= maxRedirects) {
                    throw unusable(field, url, "more than " + maxRedirects + " times");
                }
                URI next = location(field, url, current, response);
                // a redirect may lead anywhere, even from our own storage: check the next hop like a tenant's URL
                trustedHop = false;
                current = next;
                continue;
            }
            return image(field, url, trustedHop, response);
        }
    }

    private FetchedImage image(String field, URI url, boolean trusted, Hop response) {
        int status = response.status();
        if (status != 200) {
            if (trusted && (status >= 500 || status == 429)) {
                throw new ImageSourceUnavailableException(
                        "Darkroom's storage answered HTTP " + status + " for " + field, null);
            }
            throw unusable(field, url, "HTTP " + status);
        }
        String type = mediaType(response.contentType());
        if (!type.startsWith("image/")) {
            throw unusable(field, url, "content type " + (type.isEmpty() ? "missing" : type));
        }
        if (response.tooLarge()) {
            throw invalid(field, url, "is larger than the " + maxBytes + " bytes allowed");
        }
        if (response.body().length == 0) {
            throw invalid(field, url, "is empty");
        }
        return new FetchedImage(response.body(), type);
    }

    private void check(String field, URI url) {
        try {
            guard.check(url.toString());
        } catch (ForbiddenUrlException e) {
            throw refused(field, url, String.valueOf(e.properties().get("reason")));
        }
    }

    /** One hop, with whatever is left until the fetch's {@code deadline} ({@link System#nanoTime()}). */
    private Hop send(String field, URI url, boolean trusted, long deadline) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw unreachable(field, url, trusted, "did not arrive within " + fetchTimeout.toSeconds() + " s", null);
        }
        Request request = new Request.Builder()
                .url(url.toString())
                .get()
                .header("Accept", "image/*")
                .header("User-Agent", "darkroom-worker")
                .build();
        Call call = (trusted ? this.trusted : guarded).newCall(request);
        call.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
        try (Response response = call.execute()) {
            return hop(response);
        } catch (IOException e) {
            RefusedAddressException.reasonIn(e).ifPresent(reason -> {
                throw refused(field, url, reason);
            });
            if (Thread.currentThread().isInterrupted()) {
                throw new ImageSourceUnavailableException("interrupted while fetching " + field, e);
            }
            String what = e instanceof InterruptedIOException
                    ? "did not arrive within " + fetchTimeout.toSeconds() + " s"
                    : "could not be fetched (" + describe(e) + ")";
            throw unreachable(field, url, trusted, what, e);
        }
    }

    /**
     * Reads the body only when it can be a usable image: a 200 with an {@code image/*} type and no declared length
     * above the cap. Anything else is not read at all, and a body that grows past the cap is abandoned mid-stream.
     */
    private Hop hop(Response response) throws IOException {
        String type = response.header("Content-Type", "");
        String location = response.header("Location");
        ResponseBody body = response.body();
        boolean wanted = response.code() == 200 && mediaType(type).startsWith("image/");
        if (!wanted || body == null) {
            return new Hop(response.code(), type, location, null, false);
        }
        if (body.contentLength() > maxBytes) {
            return new Hop(response.code(), type, location, null, true);
        }
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        while (source.read(buffer, 8192) != -1) {
            if (buffer.size() > maxBytes) {
                return new Hop(response.code(), type, location, null, true);
            }
        }
        return new Hop(response.code(), type, location, buffer.readByteArray(), false);
    }

    /** The media type without parameters, lower case. */
    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    private static URI location(String field, URI original, URI current, Hop response) {
        String location = response.location();
        if (location == null) {
            throw unusable(field, original, "a redirect without a Location");
        }
        try {
            return current.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw unusable(field, original, "a redirect to an invalid URL");
        }
    }

    private static RuntimeException unreachable(String field, URI url, boolean trusted, String what, Throwable e) {
        if (trusted) {
            return new ImageSourceUnavailableException("Darkroom's storage: " + field + " " + what, e);
        }
        return unusable(field, url, what);
    }

    /** The target's answer goes to the log; the tenant hears only that it was not an image we could use. */
    private static InputImageException unusable(String field, URI url, String detail) {
        log.info("input image {} ({}) unusable: {}", field, withoutQuery(url), detail);
        return invalid(field, url, UNUSABLE);
    }

    private static InputImageException refused(String field, URI url, String reason) {
        return invalid(field, url, "was refused: " + reason);
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    static InputImageException invalid(String field, URI url, String what) {
        return new InputImageException(
                field, "The input image " + field + " (" + withoutQuery(url) + ") " + what + ".");
    }

    /** Scheme, host, port and path: a presigned URL's query is a credential and stays out of messages and logs. */
    static String withoutQuery(URI url) {
        if (url.getHost() == null) {
            return url.getScheme() == null ? "an invalid URL" : url.getScheme() + ": URL";
        }
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }
}
