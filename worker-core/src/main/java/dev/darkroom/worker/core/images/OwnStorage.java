package dev.darkroom.worker.core.images;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recognises URLs of Darkroom's own object storage (a previous job's output, usually presigned) by scheme, host and
 * port. fal cannot reach an internal storage endpoint, and a public one would hand fal a short-lived credential, so
 * such images are uploaded to fal's storage instead of being passed through.
 */
final class OwnStorage {

    private final Set<String> origins;

    OwnStorage(List<String> baseUrls) {
        this.origins = baseUrls.stream()
                .filter(Objects::nonNull)
                .map(String::trim)
                .filter(url -> !url.isEmpty())
                .map(url -> origin(URI.create(url)))
                .filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }

    boolean owns(URI url) {
        String origin = origin(url);
        return origin != null && origins.contains(origin);
    }

    private static String origin(URI url) {
        if (url.getScheme() == null || url.getHost() == null) {
            return null;
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
