package dev.darkroom.storage;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Objects a browser would run rather than show: SVG (and HTML/XML, which no model should produce) can carry script,
 * and the storage host serves them inline under its own origin. They are stored with {@code Content-Disposition:
 * attachment}, and presigned URLs ask for the same again, so a browser downloads them instead of rendering them.
 * S3's presigned URLs can override only a few response headers ({@code response-content-disposition} among them),
 * not {@code X-Content-Type-Options} or a CSP; those come from a response Darkroom serves itself.
 */
final class ActiveContent {

    static final String ATTACHMENT = "attachment";

    private static final Set<String> TYPES =
            Set.of("image/svg+xml", "text/html", "application/xhtml+xml", "text/xml", "application/xml");
    private static final Set<String> EXTENSIONS = Set.of("svg", "svgz", "html", "htm", "xhtml", "xml");

    private ActiveContent() {}

    /** The headers to store an object of this content type with: the attachment disposition for active types. */
    static Map<String, String> storedHeaders(String contentType) {
        return active(contentType) ? Map.of("Content-Disposition", ATTACHMENT) : Map.of();
    }

    /** The response overrides a presigned GET of this key asks for. */
    static Map<String, String> presignOverrides(String key) {
        int dot = key.lastIndexOf('.');
        String extension = dot < 0 ? "" : key.substring(dot + 1).toLowerCase(Locale.ROOT);
        return EXTENSIONS.contains(extension) ? Map.of("response-content-disposition", ATTACHMENT) : Map.of();
    }

    private static boolean active(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
        return TYPES.contains(type);
    }
}
