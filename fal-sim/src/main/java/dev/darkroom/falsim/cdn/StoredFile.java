package dev.darkroom.falsim.cdn;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A file on the simulated CDN.
 *
 * @param key its path under {@code /cdn/}, such as {@code files/koala/9bTm4Vx8v0_Cq.jpg}
 * @param url its absolute download URL
 * @param fileName the name fal reports ({@code file_name})
 * @param contentType its media type
 * @param size its length in bytes
 * @param path where its bytes are on disk
 * @param expiresAt when it stops being served
 */
public record StoredFile(
        String key, String url, String fileName, String contentType, long size, Path path, Instant expiresAt) {}
