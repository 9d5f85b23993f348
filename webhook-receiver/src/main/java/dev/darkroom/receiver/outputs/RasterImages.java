package dev.darkroom.receiver.outputs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Width and height of raster images from their headers; pixels are never decoded, so a huge or hostile image costs
 * a few reads. PNG and JPEG go through the JDK's ImageIO readers; the JDK has no WebP reader, and WebP's header is
 * three fixed layouts, so it is read by hand (RFC 9649).
 */
final class RasterImages {

    private RasterImages() {}

    /** PNG or JPEG dimensions from ImageIO's header parsing. */
    static int[] imageIoSize(Path file, Media media) throws InvalidMediaException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new InvalidMediaException("the " + media + " file cannot be opened");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InvalidMediaException("no reader recognises the " + media + " file");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return positive(reader.getWidth(0), reader.getHeight(0), media);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidMediaException("the " + media + " header is unreadable: " + e.getMessage(), e);
        }
    }

    /** WebP dimensions from the first chunk: lossy {@code VP8 }, lossless {@code VP8L} or extended {@code VP8X}. */
    static int[] webpSize(byte[] head) throws InvalidMediaException {
        if (head.length < 30) {
            throw new InvalidMediaException("the WebP file is too short to have a header");
        }
        String chunk = new String(head, 12, 4, StandardCharsets.US_ASCII);
        switch (chunk) {
            case "VP8 " -> {
                // frame tag (3 bytes), then the key frame start code 9d 01 2a, then 14-bit width and height
                if ((head[23] & 0xff) != 0x9d || (head[24] & 0xff) != 0x01 || (head[25] & 0xff) != 0x2a) {
                    throw new InvalidMediaException("the WebP VP8 frame has no start code");
                }
                return positive(u16(head, 26) & 0x3fff, u16(head, 28) & 0x3fff, Media.WEBP);
            }
            case "VP8L" -> {
                if ((head[20] & 0xff) != 0x2f) {
                    throw new InvalidMediaException("the WebP VP8L stream has no signature");
                }
                // 14 bits width - 1, 14 bits height - 1, little-endian bit order
                int bits =
                        (head[21] & 0xff) | (head[22] & 0xff) << 8 | (head[23] & 0xff) << 16 | (head[24] & 0xff) << 24;
                int width = 1 + (bits & 0x3fff);
                int height = 1 + ((bits >>> 14) & 0x3fff);
                return positive(width, height, Media.WEBP);
            }
            case "VP8X" -> {
                return positive(1 + u24(head, 24), 1 + u24(head, 27), Media.WEBP);
            }
            default -> throw new InvalidMediaException("the WebP file starts with an unknown chunk");
        }
    }

    private static int[] positive(int width, int height, Media media) throws InvalidMediaException {
        if (width <= 0 || height <= 0) {
            throw new InvalidMediaException("the " + media + " header gives no size");
        }
        return new int[] {width, height};
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int u24(byte[] b, int at) {
        return u16(b, at) | (b[at + 2] & 0xff) << 16;
    }
}
