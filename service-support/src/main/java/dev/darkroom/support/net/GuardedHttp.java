package dev.darkroom.support.net;

import java.net.InetAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;
import okhttp3.OkHttpClient;

/**
 * HTTP clients for URLs a tenant (or a third party) supplied, on which the address checked is the address connected
 * to: OkHttp asks its {@link Dns} for the addresses right before it connects and connects only to those, so the
 * {@link UrlGuard} runs there, and a name that resolved to a public address for {@link UrlGuard#check} and to a
 * private one a moment later is refused at connect time. The JDK's clients have no such hook on Java 17. OkHttp
 * connects to a literal address without asking its {@code Dns}, so an interceptor checks those (a literal cannot
 * rebind, so checking it before the call is checking it at connect time).
 *
 * <p>Redirects are off (callers check each hop and follow it themselves) and no proxy is used: a proxy would
 * resolve the name itself, out of the guard's sight.
 */
public final class GuardedHttp {

    private GuardedHttp() {}

    /** A client builder whose connections pass {@code guard}; add timeouts and build. */
    public static OkHttpClient.Builder builder(UrlGuard guard) {
        return guard(new OkHttpClient.Builder(), guard);
    }

    /** {@code builder} (say, a shared client's {@code newBuilder()}) with its connections passing {@code guard}. */
    public static OkHttpClient.Builder guard(OkHttpClient.Builder builder, UrlGuard guard) {
        GuardedDns dns = new GuardedDns(guard);
        return builder.dns(dns)
                .addInterceptor(chain -> {
                    String host = chain.request().url().host();
                    if (literal(host)) {
                        dns.lookup(host);
                    }
                    return chain.proceed(chain.request());
                })
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false);
    }

    /** OkHttp's host of a URL with an IP address: IPv6 without brackets, or dotted digits. */
    private static boolean literal(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    /** Resolves through the guard: allow-listed hosts as they are, any other only to public addresses. */
    private record GuardedDns(UrlGuard guard) implements Dns {

        @Override
        public List<InetAddress> lookup(String host) throws UnknownHostException {
            if (guard.allowed(host)) {
                return List.of(guard.resolveTrusted(host));
            }
            try {
                return guard.resolvePublic(host, host);
            } catch (ForbiddenUrlException e) {
                throw new RefusedAddressException(
                        host, String.valueOf(e.properties().get("reason")));
            }
        }
    }
}
