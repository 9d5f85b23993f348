package dev.darkroom.falclient.queue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A fal endpoint id such as {@code fal-ai/flux/dev}: {@code owner/app[/path...]}, or {@code
 * namespace/owner/app[/path...]} for the {@code workflows} and {@code comfy} namespaces
 * (docs/fal-protocol.md#model-ids-and-urls). Submit uses the {@link #id() full id}; status, result and cancel use only
 * the {@link #appId() app id}.
 *
 * @param id the full, normalised id
 * @param appId {@code owner/app}, or {@code namespace/owner/app}
 */
public record EndpointId(String id, String appId) {

    private static final Set<String> NAMESPACES = Set.of("workflows", "comfy");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final Pattern LEGACY = Pattern.compile("(\\d+)-([A-Za-z0-9-]+)");

    /** Parses and normalises an id; legacy {@code 12345-app} becomes {@code 12345/app}, as fal-js does. */
    public static EndpointId parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("endpoint id is empty");
        }
        String id = raw.trim().replaceAll("^/+|/+$", "");
        var legacy = LEGACY.matcher(id);
        if (!id.contains("/") && legacy.matches()) {
            id = legacy.group(1) + "/" + legacy.group(2);
        }
        List<String> parts = Arrays.asList(id.split("/", -1));
        for (String part : parts) {
            if (!SEGMENT.matcher(part).matches() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("not a fal endpoint id: " + raw);
            }
        }
        int appSegments = NAMESPACES.contains(parts.get(0)) ? 3 : 2;
        if (parts.size() < appSegments) {
            throw new IllegalArgumentException("not a fal endpoint id (needs owner/app): " + raw);
        }
        return new EndpointId(id, String.join("/", parts.subList(0, appSegments)));
    }

    @Override
    public String toString() {
        return id;
    }
}
