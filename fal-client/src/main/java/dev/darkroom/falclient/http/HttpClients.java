package dev.darkroom.falclient.http;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The one way Darkroom builds an outgoing {@link HttpClient}: it never follows a redirect. Following one would send
 * a credential (fal's key, the internal token, a webhook signature) to another host, or reach an address that the
 * URL guard never checked; code that must follow redirects (the input-image fetcher) follows them itself, checking
 * every hop.
 */
public final class HttpClients {

    private HttpClients() {}

    /** A client that never follows redirects, with this connect timeout. */
    public static HttpClient noRedirects(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
