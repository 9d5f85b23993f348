package dev.darkroom.falsim.render;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Paints a picture from a seed: a diagonal gradient and a few translucent shapes, all chosen by the seed, so
 * different seeds look different and the same seed paints the same pixels. No text: fonts vary between machines.
 */
final class ImagePainter {

    private ImagePainter() {}

    static BufferedImage paint(int width, int height, long seed, int index) {
        Random random = new Random(seed * 1_000_003L + index);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setPaint(new GradientPaint(0, 0, color(random, 255), width, height, color(random, 255)));
            g.fillRect(0, 0, width, height);
            int shapes = 3 + random.nextInt(4);
            for (int i = 0; i < shapes; i++) {
                g.setColor(color(random, 160));
                int w = width / 8 + random.nextInt(Math.max(1, width / 3));
                int h = height / 8 + random.nextInt(Math.max(1, height / 3));
                int x = random.nextInt(Math.max(1, width - w / 2));
                int y = random.nextInt(Math.max(1, height - h / 2));
                if (random.nextBoolean()) {
                    g.fillOval(x, y, w, h);
                } else {
                    g.fillRect(x, y, w, h);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Encodes as {@code png} or {@code jpeg}; {@code quality} is the JPEG quality or the PNG compression effort. */
    static byte[] encode(BufferedImage image, String format, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            // the JDK's PNG writer reads "quality" as 1 - effort: 1.0 stores uncompressed, 0.0 deflates hardest
            param.setCompressionQuality("png".equals(format) ? 1 - quality : quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    static Color color(Random random, int alpha) {
        return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), alpha);
    }
}
