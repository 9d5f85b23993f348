package dev.darkroom.falsim.queue;

import java.util.List;

/**
 * The app part of an endpoint id, which status, result and cancel URLs use: {@code owner/app}, or
 * {@code namespace/owner/app} for fal's {@code workflows} and {@code comfy} namespaces
 * (docs/fal-protocol.md#model-ids-and-urls).
 */
record AppPath(String appId) {

    static final List<String> NAMESPACES = List.of("workflows", "comfy");

    /** The app id of a full endpoint id, or null when the id has too few segments. */
    static AppPath ofEndpoint(String endpointId) {
        String[] parts = endpointId.split("/");
        int length = NAMESPACES.contains(parts[0]) ? 3 : 2;
        if (parts.length < length) {
            return null;
        }
        return new AppPath(String.join("/", java.util.Arrays.copyOf(parts, length)));
    }

    /** The app id named by a status/result/cancel URL; null when {@code namespace} is not one of fal's. */
    static AppPath of(String namespace, String owner, String app) {
        if (namespace == null) {
            return new AppPath(owner + "/" + app);
        }
        return NAMESPACES.contains(namespace) ? new AppPath(namespace + "/" + owner + "/" + app) : null;
    }
}
