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
 * wildcard, multicast, or an IPv6 form that embeds an IPv4 address (NAT64 {@code 64:ff9b::/96}, 6to4
 * {@code 2002::/16}, IPv4-compatible {@code ::a.b.c.d}), unless the host is on the operator's allow-list. Only http
 * and https.
 *
 * <p>{@link #check} resolves the name to fail early with a clear reason, but an attacker's DNS may answer
 * differently a moment later (rebinding), so the check that counts runs again when the connection is made:
 * {@link GuardedHttp}'s clients resolve through {@link #resolvePublic}, and connect only to the addresses it
 * returned.
 */
public final class UrlGuard {

    static final String PRIVATE = "the host resolves to a private or local address";

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
        if (!allowed(host)) {
            resolvePublic(host, url);
        }
        return uri;
    }

    /** Whether the operator trusts this host outright. */
    boolean allowed(String host) {
        return allowedHosts.contains(host.toLowerCase(Locale.ROOT));
    }

    /**
     * The host's addresses, every one of them public; otherwise {@link ForbiddenUrlException}. A name with one
     * private address among public ones is refused whole: a client may pick any of them.
     */
    List<InetAddress> resolvePublic(String host, String url) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new ForbiddenUrlException(url, "the host does not resolve");
        }
        if (addresses.length == 0) {
            throw new ForbiddenUrlException(url, "the host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                throw new ForbiddenUrlException(url, PRIVATE);
            }
        }
        return List.of(addresses);
    }

    /** Name resolution for the allow-listed hosts, which are not checked. */
    InetAddress[] resolveTrusted(String host) throws UnknownHostException {
        return resolver.resolve(host);
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
            return (b[0] & 0xfe) == 0xfc // fc00::/7 unique local
                    || embedsIpv4(b);
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 // "this" network
                || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT 100.64/10
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                || first >= 240; // reserved and broadcast
    }

    /**
     * IPv6 forms that a gateway or the host's own stack turns into an IPv4 address, any IPv4 address, loopback and
     * private ones included: refused whole rather than decoded, as no public service needs them.
     */
    private static boolean embedsIpv4(byte[] b) {
        boolean nat64 =
                (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        boolean sixToFour = (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02;
        boolean compatibleOrMapped = true; // ::a.b.c.d and ::ffff:a.b.c.d (the JDK turns most of the latter into IPv4)
        for (int i = 0; i < 10; i++) {
            compatibleOrMapped &= b[i] == 0;
        }
        compatibleOrMapped &= (b[10] == 0 && b[11] == 0) || ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff);
        return nat64 || sixToFour || compatibleOrMapped;
    }
}
