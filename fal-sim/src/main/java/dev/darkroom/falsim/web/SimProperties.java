package dev.darkroom.falsim.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings shared by every feature.
 *
 * @param publicUrl the simulator's externally visible base URL (such as {@code http://fal-sim:8090}) used in every
 *     URL it returns; blank = built from each request's scheme, host and port (X-Forwarded-* honoured)
 */
@ConfigurationProperties("fal-sim")
public record SimProperties(String publicUrl) {

    public SimProperties {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? null : stripSlash(publicUrl.trim());
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
