package dev.darkroom.falclient.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * URL building that keeps a base URL's own path: fal-sim serves fal's hosts under prefixes such as {@code /queue},
 * so {@code http://sim/queue} + {@code fal-ai/flux} must become {@code http://sim/queue/fal-ai/flux}.
 */
public final class Urls {

    private Urls() {}

    /** The base with the path appended, exactly one slash between them. */
    public static URI join(URI base, String path) {
        String left = base.toString();
        while (left.endsWith("/")) {
            left = left.substring(0, left.length() - 1);
        }
        String right = path.startsWith("/") ? path.substring(1) : path;
        return URI.create(left + "/" + right);
    }

    /** The URL with one query parameter added (form-encoded), whether or not it already has a query. */
    public static String withQuery(String url, String name, String value) {
        String separator = url.contains("?") ? "&" : "?";
        return url + separator + encode(name) + "=" + encode(value);
    }

    /** Form-encodes one query component. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Method and path, never the query: queries carry webhook URLs with per-job tokens. */
    public static String describe(String method, URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return method + " " + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + path;
    }
}
