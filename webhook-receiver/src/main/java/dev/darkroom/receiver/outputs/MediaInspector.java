package dev.darkroom.receiver.outputs;

import dev.darkroom.contracts.catalog.ModelKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides what a downloaded file is: its type from its magic bytes, which must be a type the model's kind produces
 * and agree with the type fal declared, and its measurements from its header.
 */
final class MediaInspector {

    private MediaInspector() {}

    static Measured inspect(Path file, ModelKind kind, String declaredContentType, int index) {
        byte[] head = head(file);
        Media media = Media.sniff(head)
                .orElseThrow(() -> OutputRejectedException.invalid(
                        "output " + index + " is not " + expected(kind) + " (its first bytes match no such format)"));
        if (media.kind() != kind) {
            throw OutputRejectedException.invalid(
                    "output " + index + " is " + article(media) + " file, but the model makes " + expected(kind));
        }
        Optional<String> declared = Media.normalise(declaredContentType);
        if (declared.isPresent() && !declared.get().equals(media.contentType())) {
            throw OutputRejectedException.invalid("output " + index + " was declared " + declared.get()
                    + " but its content is " + media.contentType());
        }
        try {
            return measure(file, media, head);
        } catch (InvalidMediaException e) {
            throw OutputRejectedException.invalid(
                    "output " + index + " is not a valid " + media + " file: " + e.getMessage());
        }
    }

    private static Measured measure(Path file, Media media, byte[] head) throws InvalidMediaException {
        switch (media) {
            case PNG, JPEG -> {
                int[] size = RasterImages.imageIoSize(file, media);
                return new Measured(media, size[0], size[1], null);
            }
            case WEBP -> {
                int[] size = RasterImages.webpSize(head);
                return new Measured(media, size[0], size[1], null);
            }
            case SVG -> {
                Integer[] size = SvgImages.size(file);
                return new Measured(media, size[0], size[1], null);
            }
            case MP4 -> {
                return Mp4Boxes.measure(file);
            }
            default -> throw new IllegalStateException("no measurement for " + media);
        }
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(Media.HEAD_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the downloaded output " + file, e);
        }
    }

    private static String expected(ModelKind kind) {
        return kind == ModelKind.VIDEO ? "an MP4 video" : "a PNG, JPEG, WebP or SVG image";
    }

    private static String article(Media media) {
        return (media == Media.MP4 || media == Media.SVG ? "an " : "a ")
                + media.name().toUpperCase(Locale.ROOT);
    }
}
