package dev.darkroom.receiver.outputs;

/**
 * One output file as fal's result names it.
 *
 * @param url where to fetch it: an http(s) URL on fal's CDN or a {@code data:} URI (sync mode)
 * @param declaredContentType fal's {@code content_type} for it, or null
 * @param nsfw whether fal's safety checker flagged it ({@code has_nsfw_concepts[i]}; the image is then black)
 */
public record OutputRef(String url, String declaredContentType, boolean nsfw) {}
