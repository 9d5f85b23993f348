package dev.darkroom.falsim.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The bytes of one output image: painted from its seed, or black where the safety checker flagged it. With {@code
 * fal-sim.render.cache} the picture of each (format, size, flagged) is painted and encoded once and kept in memory;
 * each output is that picture with its seed and index stamped into a metadata block ({@link SeedStamp}), so files
 * still differ by seed (and their SHA-256s with them) and stay valid images of the planned size.
 */
@Component
class ImageSource {

    private final RenderProperties properties;
    private final Map<Key, byte[]> rendered = new ConcurrentHashMap<>();

    ImageSource(RenderProperties properties) {
        this.properties = properties;
    }

    byte[] paint(String format, int width, int height, long seed, int index, boolean flagged) throws IOException {
        if ("svg".equals(format)) {
            return SvgPainter.paint(width, height, seed, index);
        }
        if (!properties.cache()) {
            return encode(format, width, height, seed, index, flagged);
        }
        byte[] picture = rendered.computeIfAbsent(new Key(format, width, height, flagged), k -> {
            try {
                return encode(format, width, height, 0, 0, flagged);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return SeedStamp.stamp(format, picture, seed + ":" + index);
    }

    private byte[] encode(String format, int width, int height, long seed, int index, boolean flagged)
            throws IOException {
        BufferedImage image = flagged
                // fal's safety checker replaces a flagged image with a black one of the same size
                ? new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB)
                : ImagePainter.paint(width, height, seed, index);
        return ImagePainter.encode(
                image, format, "png".equals(format) ? properties.pngCompression() : properties.jpegQuality());
    }

    private record Key(String format, int width, int height, boolean flagged) {}
}
