package dev.darkroom.support.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses tenant-supplied URLs that would make Darkroom call into its own network: after DNS resolution, no
 * address may be loopback, private (RFC 1918, unique-local), link-local (cloud metadata lives at 169.254.169.254),
 * wildcard or multicast, unless the host is on the operator's allow-list. Only http and https.
 *
 * <p>The check resolves the name itself; an attacker's DNS could answer differently a moment later (rebinding).
 * The JDK client cannot pin the checked address, so callers keep redirects off, which leaves that window as the
 * only gap.
 */
public final class UrlGuard {

    private final Set<String> allowedHosts;
    private final Resolver resolver;

    /** Name resolution, replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public UrlGuard(List<String> allowedHosts) {
        this(allowedHosts, InetAddress::getAllByName);
    }

    public UrlGuard(List<String> allowedHosts, Resolver resolver) {
        this.allowedHosts = Set.copyOf(
                allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
        this.resolver = resolver;
    }

    /** The URL, if it may be called; otherwise {@link ForbiddenUrlException} saying why. */
    public URI check(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ForbiddenUrlException(url, "not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ForbiddenUrlException(url, "only http and https URLs are allowed");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new ForbiddenUrlException(url, "the URL has no host");
        }
        if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new ForbiddenUrlException(url, "the host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                throw new ForbiddenUrlException(url, "the host resolves to a private or local address");
            }
        }
        return uri;
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress()
                || a.isSiteLocalAddress()
                || a.isLinkLocalAddress()
                || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // fc00::/7 unique local
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 // "this" network
                || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT 100.64/10
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                || first >= 240; // reserved and broadcast
    }
}
