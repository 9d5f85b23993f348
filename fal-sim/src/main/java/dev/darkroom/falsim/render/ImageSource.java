package dev.darkroom.falsim.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** The bytes of one output image: painted from its seed, or black where the safety checker flagged it. */
@Component
class ImageSource {

    private final RenderProperties properties;

    ImageSource(RenderProperties properties) {
        this.properties = properties;
    }

    byte[] paint(String format, int width, int height, long seed, int index, boolean flagged) throws IOException {
        if ("svg".equals(format)) {
            return SvgPainter.paint(width, height, seed, index);
        }
        BufferedImage image = flagged
                // fal's safety checker replaces a flagged image with a black one of the same size
                ? new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB)
                : ImagePainter.paint(width, height, seed, index);
        return ImagePainter.encode(
                image, format, "png".equals(format) ? properties.pngCompression() : properties.jpegQuality());
    }
}
