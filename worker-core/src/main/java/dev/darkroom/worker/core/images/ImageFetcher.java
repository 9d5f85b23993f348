package dev.darkroom.worker.core.images;

import dev.darkroom.support.net.ForbiddenUrlException;
import dev.darkroom.support.net.UrlGuard;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches an input image the way a careful server fetches a URL a stranger gave it: every hop checked by the
 * {@link UrlGuard}, redirects followed by hand (so each target is checked too), one deadline for the whole fetch, a
 * size cap enforced while reading, and only {@code image/*} accepted.
 */
final class ImageFetcher {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final HttpClient http;
    private final UrlGuard guard;
    private final long maxBytes;
    private final Duration fetchTimeout;
    private final int maxRedirects;

    ImageFetcher(HttpClient http, UrlGuard guard, long maxBytes, Duration fetchTimeout, int maxRedirects) {
        this.http = http;
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
            HttpResponse<byte[]> response = send(field, current, trustedHop, deadline);
            int status = response.statusCode();
            if (REDIRECTS.contains(status)) {
                if (redirects >= maxRedirects) {
                    throw invalid(field, url, "was redirected more than " + maxRedirects + " times");
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

    private FetchedImage image(String field, URI url, boolean trusted, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status != 200) {
            if (trusted && (status >= 500 || status == 429)) {
                throw new ImageSourceUnavailableException(
                        "Darkroom's storage answered HTTP " + status + " for " + field, null);
            }
            throw invalid(field, url, "could not be fetched: the server answered HTTP " + status);
        }
        String type = CappedBody.mediaType(
                response.headers().firstValue("Content-Type").orElse(""));
        if (!type.startsWith("image/")) {
            throw invalid(field, url, "is not an image: its content type is " + (type.isEmpty() ? "missing" : type));
        }
        if (response.body() == null) {
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
            throw invalid(field, url, "was refused: " + e.properties().get("reason"));
        }
    }

    /** One hop, with whatever is left until the fetch's {@code deadline} ({@link System#nanoTime()}). */
    private HttpResponse<byte[]> send(String field, URI url, boolean trusted, long deadline) {
        Duration remaining = Duration.ofNanos(deadline - System.nanoTime());
        if (remaining.isNegative() || remaining.isZero()) {
            throw unreachable(field, url, trusted, "did not arrive within " + fetchTimeout.toSeconds() + " s", null);
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .GET()
                .timeout(remaining)
                .header("Accept", "image/*")
                .header("User-Agent", "darkroom-worker")
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, new CappedBody(maxBytes));
        try {
            return exchange.get(remaining.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw unreachable(field, url, trusted, "did not arrive within " + fetchTimeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof IOException ? e.getCause() : e;
            throw unreachable(field, url, trusted, "could not be fetched (" + describe(cause) + ")", cause);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new ImageSourceUnavailableException("interrupted while fetching " + field, e);
        }
    }

    private static URI location(String field, URI original, URI current, HttpResponse<byte[]> response) {
        String location = response.headers()
                .firstValue("Location")
                .orElseThrow(() -> invalid(field, original, "was redirected without a Location"));
        try {
            return current.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw invalid(field, original, "was redirected to an invalid URL");
        }
    }

    private static RuntimeException unreachable(String field, URI url, boolean trusted, String what, Throwable e) {
        if (trusted) {
            return new ImageSourceUnavailableException("Darkroom's storage: " + field + " " + what, e);
        }
        return invalid(field, url, what);
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
