package dev.darkroom.falsim.web;

/**
 * The simulator's base URL as a client sees it; each fal host maps to a prefix under it.
 *
 * @param value scheme, host and port without a trailing slash, such as {@code http://127.0.0.1:8090}
 */
public record BaseUrl(String value) {

    /** Stands in for {@code https://queue.fal.run}. */
    public String queue() {
        return value + "/queue";
    }

    /** Stands in for {@code https://v3.fal.media}. */
    public String cdn() {
        return value + "/cdn";
    }
}
