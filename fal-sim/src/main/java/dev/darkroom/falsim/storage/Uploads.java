package dev.darkroom.falsim.storage;

import dev.darkroom.falsim.Resettable;
import dev.darkroom.falsim.cdn.CdnStore;
import dev.darkroom.falsim.web.BaseUrl;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Pending uploads, their parts, and the CDN tokens of fal's direct-upload flow. */
@Component
class Uploads implements Resettable {

    private final CdnStore cdn;
    private final StorageProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, UploadSlot> slots = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, Path>> parts = new ConcurrentHashMap<>();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

    Uploads(CdnStore cdn, StorageProperties properties, Clock clock) {
        this.cdn = cdn;
        this.properties = properties;
        this.clock = clock;
    }

    UploadSlot open(String contentType, String fileName, Duration lifetime, boolean multipart, BaseUrl base) {
        pruneExpired();
        String id = UUID.randomUUID().toString();
        UploadSlot slot = new UploadSlot(
                id,
                secret(),
                cdn.newKey(extension(fileName, contentType)),
                contentType,
                lifetime,
                multipart,
                base,
                clock.instant().plus(properties.uploadUrlLifetime()));
        slots.put(id, slot);
        return slot;
    }

    /** The slot an upload URL names, if its token matches and it has not expired. */
    UploadSlot find(String id, String secret) {
        UploadSlot slot = slots.get(id);
        boolean valid = slot != null
                && MessageDigest.isEqual(
                        slot.secret().getBytes(StandardCharsets.UTF_8),
                        String.valueOf(secret).getBytes(StandardCharsets.UTF_8))
                && clock.instant().isBefore(slot.expiresAt());
        return valid ? slot : null;
    }

    /** Stores one part of a multipart upload; answers its etag. */
    String putPart(UploadSlot slot, int partNumber, InputStream body) throws IOException {
        Path part = cdn.scratchFile();
        try {
            copyLimited(body, part);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Map<Integer, Path> slotParts = parts.computeIfAbsent(slot.id(), id -> new ConcurrentHashMap<>());
        Path previous = slotParts.put(partNumber, part);
        if (previous != null) {
            Files.deleteIfExists(previous);
        }
        String etag = "\"" + md5(part) + "\"";
        if (!slots.containsKey(slot.id())) {
            // the slot expired and was pruned while this part arrived: nothing will ever join or sweep it
            deleteParts(slot.id());
        }
        return etag;
    }

    /** Joins the parts in part-number order into the final file. */
    void completeMultipart(UploadSlot slot) throws IOException {
        Map<Integer, Path> slotParts = new TreeMap<>(parts.getOrDefault(slot.id(), Map.of()));
        long total = 0;
        for (Path part : slotParts.values()) {
            total += Files.size(part);
        }
        if (total > properties.maxUploadSize().toBytes()) {
            throw new UploadTooLarge();
        }
        cdn.write(slot.key(), slot.contentType(), slot.lifetime(), slot.base(), target -> {
            try (OutputStream out = Files.newOutputStream(target)) {
                for (Path part : slotParts.values()) {
                    Files.copy(part, out);
                }
            }
        });
        for (Path part : slotParts.values()) {
            Files.deleteIfExists(part);
        }
        parts.remove(slot.id());
    }

    /** Copies at most {@code max-upload-size} bytes; more is an error, not a truncated file. */
    void copyLimited(InputStream in, Path target) throws IOException {
        long limit = properties.maxUploadSize().toBytes();
        long copied = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                copied += n;
                if (copied > limit) {
                    throw new UploadTooLarge();
                }
                out.write(buffer, 0, n);
            }
        }
    }

    String issueToken() {
        pruneExpired();
        String token = secret();
        tokens.put(token, clock.instant().plus(properties.tokenLifetime()));
        return token;
    }

    boolean validToken(String token) {
        Instant expires = token == null ? null : tokens.get(token);
        return expires != null && clock.instant().isBefore(expires);
    }

    Instant tokenExpiry(String token) {
        return tokens.get(token);
    }

    /**
     * Forgets expired upload URLs, with the parts of multipart uploads never completed, and expired tokens. Run
     * when new ones are handed out, so what is kept stays bounded by what was issued within one lifetime.
     */
    private void pruneExpired() {
        Instant now = clock.instant();
        for (UploadSlot slot : slots.values()) {
            if (!now.isBefore(slot.expiresAt()) && slots.remove(slot.id(), slot)) {
                deleteParts(slot.id());
            }
        }
        tokens.values().removeIf(expires -> !now.isBefore(expires));
    }

    private void deleteParts(String slotId) {
        Map<Integer, Path> slotParts = parts.remove(slotId);
        if (slotParts != null) {
            slotParts.values().forEach(path -> path.toFile().delete());
        }
    }

    @Override
    public void reset() {
        slots.clear();
        tokens.clear();
        parts.keySet().forEach(this::deleteParts);
    }

    private String secret() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String md5(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is always available", e);
        }
    }

    /** The extension for the CDN key: the file name's, else one from the media type, else none. */
    static String extension(String fileName, String contentType) {
        if (fileName != null) {
            int dot = fileName.lastIndexOf('.');
            String ext = dot >= 0 ? fileName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
            if (ext.matches("[a-z0-9]{1,8}")) {
                return ext;
            }
        }
        if (contentType != null && contentType.contains("/")) {
            String subtype = contentType
                    .substring(contentType.indexOf('/') + 1)
                    .split("[;+-]")[0]
                    .trim();
            if (subtype.matches("[a-z0-9]{1,8}")) {
                return "jpeg".equals(subtype) ? "jpg" : subtype;
            }
        }
        return "bin";
    }

    /** An upload over {@code max-upload-size}. */
    static final class UploadTooLarge extends RuntimeException {
        UploadTooLarge() {
            super("upload exceeds fal-sim.storage.max-upload-size");
        }
    }
}
