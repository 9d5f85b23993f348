package dev.darkroom.falsim.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Works out the base URL to put in the URLs the simulator hands out. */
@Component
public class PublicUrls {

    private final SimProperties properties;

    PublicUrls(SimProperties properties) {
        this.properties = properties;
    }

    /** The configured public URL, or the one this request was addressed to (after X-Forwarded-* processing). */
    public BaseUrl of(HttpServletRequest request) {
        if (properties.publicUrl() != null) {
            return new BaseUrl(properties.publicUrl());
        }
        String url = ServletUriComponentsBuilder.fromContextPath(request)
                .replaceQuery(null)
                .build()
                .toUriString();
        return new BaseUrl(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }
}
