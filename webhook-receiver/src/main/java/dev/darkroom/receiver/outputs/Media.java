package dev.darkroom.receiver.outputs;

import dev.darkroom.contracts.catalog.ModelKind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The file types Darkroom stores, recognised by their magic bytes, never by what anyone claims. */
enum Media {
    PNG("image/png", "png", ModelKind.IMAGE),
    JPEG("image/jpeg", "jpg", ModelKind.IMAGE),
    WEBP("image/webp", "webp", ModelKind.IMAGE),
    SVG("image/svg+xml", "svg", ModelKind.IMAGE),
    MP4("video/mp4", "mp4", ModelKind.VIDEO);

    /** Bytes {@link #sniff} looks at; an SVG's root element can sit behind an XML declaration and comments. */
    static final int HEAD_BYTES = 1024;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final String contentType;
    private final String extension;
    private final ModelKind kind;

    Media(String contentType, String extension, ModelKind kind) {
        this.contentType = contentType;
        this.extension = extension;
        this.kind = kind;
    }

    String contentType() {
        return contentType;
    }

    String extension() {
        return extension;
    }

    ModelKind kind() {
        return kind;
    }

    /** The type the file's first bytes prove, if any. */
    static Optional<Media> sniff(byte[] head) {
        if (startsWith(head, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (head.length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 0, ascii("RIFF")) && startsWith(head, 8, ascii("WEBP"))) {
            return Optional.of(WEBP);
        }
        if (startsWith(head, 4, ascii("ftyp"))) {
            return Optional.of(MP4);
        }
        if (looksLikeSvg(head)) {
            return Optional.of(SVG);
        }
        return Optional.empty();
    }

    /**
     * The type a content-type header names, normalised; empty for none or for the generic binary types, which say
     * nothing about the file.
     */
    static Optional<String> normalise(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String bare = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (bare.isEmpty() || bare.equals("application/octet-stream") || bare.equals("binary/octet-stream")) {
            return Optional.empty();
        }
        return Optional.of(bare.equals("image/jpg") || bare.equals("image/pjpeg") ? "image/jpeg" : bare);
    }

    private static boolean looksLikeSvg(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, HEAD_BYTES), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.stripLeading();
        return text.startsWith("<") && text.contains("<svg");
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        return data.length >= offset + prefix.length
                && Arrays.equals(data, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
