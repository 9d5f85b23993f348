package dev.darkroom.falsim.storage;

import dev.darkroom.falsim.web.BaseUrl;
import java.time.Duration;
import java.time.Instant;

/**
 * A file announced by {@code storage/upload/initiate} and not yet (or already) uploaded.
 *
 * @param id the upload id in {@code upload_url}
 * @param secret the signature-like token {@code upload_url} carries
 * @param key the CDN key the bytes will be served under
 * @param contentType the announced media type
 * @param lifetime the file's lifetime from {@code X-Fal-Object-Lifecycle}, or null for the default
 * @param multipart whether it is uploaded in parts
 * @param base the simulator's URL as the uploader sees it
 * @param expiresAt when {@code upload_url} stops accepting bytes
 */
record UploadSlot(
        String id,
        String secret,
        String key,
        String contentType,
        Duration lifetime,
        boolean multipart,
        BaseUrl base,
        Instant expiresAt) {

    String uploadUrl() {
        return base.cdn() + "/uploads/" + id + "?token=" + secret;
    }

    String fileUrl() {
        return base.cdn() + "/" + key;
    }
}
