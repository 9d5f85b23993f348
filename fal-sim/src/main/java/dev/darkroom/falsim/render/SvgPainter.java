package dev.darkroom.falsim.render;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** The vector counterpart of {@link ImagePainter}, for Recraft's {@code vector_illustration} styles. */
final class SvgPainter {

    private SvgPainter() {}

    static byte[] paint(int width, int height, long seed, int index) {
        Random random = new Random(seed * 1_000_003L + index);
        StringBuilder svg = new StringBuilder(1024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\">\n");
        svg.append("<defs><linearGradient id=\"bg\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"1\">")
                .append("<stop offset=\"0\" stop-color=\"")
                .append(hex(ImagePainter.color(random, 255)))
                .append("\"/><stop offset=\"1\" stop-color=\"")
                .append(hex(ImagePainter.color(random, 255)))
                .append("\"/></linearGradient></defs>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"url(#bg)\"/>\n");
        int shapes = 3 + random.nextInt(4);
        for (int i = 0; i < shapes; i++) {
            String fill = hex(ImagePainter.color(random, 255));
            int cx = random.nextInt(width);
            int cy = random.nextInt(height);
            int r = Math.max(
                    8, Math.min(width, height) / 12 + random.nextInt(Math.max(1, Math.min(width, height) / 6)));
            if (random.nextBoolean()) {
                svg.append(String.format(
                        "<circle cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"%s\" fill-opacity=\"0.7\"/>%n", cx, cy, r, fill));
            } else {
                svg.append(String.format(
                        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" fill-opacity=\"0.7\"/>%n",
                        cx, cy, r * 2, r, fill));
            }
        }
        svg.append("</svg>\n");
        return svg.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
