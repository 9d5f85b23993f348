package dev.darkroom.falsim.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.falsim.Mp4;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoEncoderTest {

    private final RenderProperties properties = new RenderProperties(0.85f, 0.3f, 160, 96, 2, false);

    @Test
    void aSixSecondVideoLastsSixSecondsAndIsAValidMp4(@TempDir Path dir) throws Exception {
        Path mp4 = dir.resolve("six.mp4");

        VideoEncoder.encode(mp4, 6, 99, properties);

        byte[] bytes = Files.readAllBytes(mp4);
        assertThat(Mp4.topLevelBoxes(bytes)).contains("ftyp", "moov", "mdat");
        assertThat(Mp4.durationSeconds(bytes)).isEqualTo(6.0);
        assertThat(new String(bytes, 0, 256, java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("avc1");
    }

    @Test
    void theSameSeedEncodesTheSameFile(@TempDir Path dir) throws Exception {
        VideoEncoder.encode(dir.resolve("a.mp4"), 6, 5, properties);
        VideoEncoder.encode(dir.resolve("b.mp4"), 6, 5, properties);
        VideoEncoder.encode(dir.resolve("c.mp4"), 6, 6, properties);

        assertThat(Files.readAllBytes(dir.resolve("a.mp4"))).isEqualTo(Files.readAllBytes(dir.resolve("b.mp4")));
        assertThat(Files.readAllBytes(dir.resolve("a.mp4"))).isNotEqualTo(Files.readAllBytes(dir.resolve("c.mp4")));
    }
}
