package dev.darkroom.falsim.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.jcodec.api.SequenceEncoder;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;

/**
 * Encodes a small H.264 MP4 whose length is exactly the requested seconds: {@code seconds * fps} frames of a
 * seed-coloured gradient with a square moving across it.
 */
final class VideoEncoder {

    private VideoEncoder() {}

    static void encode(Path target, int seconds, long seed, RenderProperties p) throws IOException {
        Random random = new Random(seed);
        int[] from = {random.nextInt(256), random.nextInt(256), random.nextInt(256)};
        int[] to = {random.nextInt(256), random.nextInt(256), random.nextInt(256)};
        int[] square = {random.nextInt(256), random.nextInt(256), random.nextInt(256)};
        int frames = seconds * p.videoFps();
        try (FileChannelWrapper out = NIOUtils.writableChannel(target.toFile())) {
            SequenceEncoder encoder = SequenceEncoder.createWithFps(out, Rational.R(p.videoFps(), 1));
            for (int f = 0; f < frames; f++) {
                encoder.encodeNativeFrame(frame(p.videoWidth(), p.videoHeight(), from, to, square, f, frames));
            }
            encoder.finish();
        }
    }

    private static Picture frame(int width, int height, int[] from, int[] to, int[] square, int f, int frames) {
        Picture picture = Picture.create(width, height, ColorSpace.RGB);
        byte[] rgb = picture.getPlaneData(0);
        int size = height / 3;
        int left = (width - size) * f / Math.max(1, frames - 1);
        int top = (height - size) / 2;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean inSquare = x >= left && x < left + size && y >= top && y < top + size;
                int i = (y * width + x) * 3;
                for (int c = 0; c < 3; c++) {
                    int value = inSquare ? square[c] : from[c] + (to[c] - from[c]) * (x + y) / (width + height);
                    // jcodec stores samples as signed bytes centred on zero
                    rgb[i + c] = (byte) (value - 128);
                }
            }
        }
        return picture;
    }
}
