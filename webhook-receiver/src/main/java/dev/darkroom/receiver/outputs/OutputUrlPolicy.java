package dev.darkroom.receiver.outputs;

import dev.darkroom.support.net.ForbiddenUrlException;
import dev.darkroom.support.net.UrlGuard;
import java.net.URI;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which output URLs the receiver fetches. fal's results are signed, but their URLs still point wherever the result
 * says, so only fal's CDN hosts are fetched, and only when they resolve to public addresses (a poisoned resolver must
 * not turn a download into a request inside Darkroom's network). Operators may trust further hosts outright, which
 * is how fal-sim on loopback works in local runs and tests. Everything else is refused.
 */
final class OutputUrlPolicy {

    private final Set<String> cdnHosts;
    private final Set<String> trustedHosts;
    private final UrlGuard guard;

    OutputUrlPolicy(Collection<String> cdnHosts, Collection<String> trustedHosts, UrlGuard.Resolver resolver) {
        this.cdnHosts = lower(cdnHosts);
        this.trustedHosts = lower(trustedHosts);
        this.guard = new UrlGuard(List.copyOf(this.trustedHosts), resolver);
    }

    /** The URL to fetch, or {@link OutputRejectedException} saying why not. */
    URI check(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw OutputRejectedException.invalid("fal returned an output URL that is not a URL");
        }
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || (!cdnHosts.contains(host) && !trustedHosts.contains(host))) {
            throw OutputRejectedException.downloadFailed(
                    "refusing to download an output from " + (host == null ? "a URL without a host" : host)
                            + ": not a fal CDN host or an allowed output host");
        }
        try {
            return guard.check(url);
        } catch (ForbiddenUrlException e) {
            throw OutputRejectedException.downloadFailed("refusing to download an output from " + host + ": "
                    + e.properties().get("reason"));
        }
    }

    private static Set<String> lower(Collection<String> hosts) {
        Set<String> lowered = new HashSet<>();
        for (String host : hosts) {
            if (host != null && !host.isBlank()) {
                lowered.add(host.strip().toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(lowered);
    }
}
