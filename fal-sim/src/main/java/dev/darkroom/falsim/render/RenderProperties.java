package dev.darkroom.falsim.render;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How outputs are rendered: real files, cheap to make.
 *
 * @param jpegQuality JPEG quality from 0 to 1
 * @param pngCompression PNG compression effort from 0 (fastest, biggest) to 1 (slowest, smallest)
 * @param videoWidth width of video frames (a multiple of 16 keeps H.264 simple)
 * @param videoHeight height of video frames (a multiple of 16)
 * @param videoFps frames per second of videos; the frame count is {@code duration * fps}
 * @param cache paint and encode each (format, size) once and serve it from memory with the seed stamped into a
 *     metadata block, so a request costs almost no CPU (for benchmarks of what stands in front of the simulator);
 *     off, every image is painted from its seed
 */
@ConfigurationProperties("fal-sim.render")
public record RenderProperties(
        @DefaultValue("0.85") float jpegQuality,
        @DefaultValue("0.3") float pngCompression,
        @DefaultValue("160") int videoWidth,
        @DefaultValue("96") int videoHeight,
        @DefaultValue("2") int videoFps,
        @DefaultValue("false") boolean cache) {

    public RenderProperties {
        if (jpegQuality < 0 || jpegQuality > 1 || pngCompression < 0 || pngCompression > 1) {
            throw new IllegalArgumentException("fal-sim.render quality settings must be between 0 and 1");
        }
        if (videoWidth < 16 || videoHeight < 16 || videoFps < 1) {
            throw new IllegalArgumentException("fal-sim.render video frames must be at least 16x16 at 1 fps");
        }
    }
}
