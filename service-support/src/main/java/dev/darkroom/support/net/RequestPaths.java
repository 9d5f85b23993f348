package dev.darkroom.support.net;

/**
 * Refuses request paths that different parts of a stack could read differently: matrix parameters ({@code ;x}),
 * percent-encoding, empty segments and dot segments. Darkroom's paths are plain words and UUIDs, so a path with any
 * of them is an attempt to make a security check see one path and the router another (Spring's matcher ignores
 * {@code ;params} and decodes {@code %61} as {@code a}, a prefix check on the raw URI does not).
 */
public final class RequestPaths {

    private RequestPaths() {}

    /** Whether a raw (undecoded) request path is plain: no {@code ;}, {@code %}, {@code //}, {@code .} segments. */
    public static boolean plain(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return false;
        }
        if (rawPath.indexOf(';') >= 0
                || rawPath.indexOf('%') >= 0
                || rawPath.indexOf('\\') >= 0
                || rawPath.contains("//")) {
            return false;
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** Whether a plain path is {@code prefix} or below it, segment-wise ({@code /v1/admin} but not {@code /v1/administer}). */
    public static boolean under(String plainPath, String prefix) {
        return plainPath.equals(prefix) || plainPath.startsWith(prefix + "/");
    }
}
