package dev.darkroom.falsim.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The render cache serves valid images of the planned size that still differ by seed. */
class ImageSourceTest {

    private final ImageSource cached = new ImageSource(new RenderProperties(0.85f, 0.3f, 160, 96, 2, true));
    private final ImageSource painted = new ImageSource(new RenderProperties(0.85f, 0.3f, 160, 96, 2, false));

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg"})
    void cachedImagesDecodeAtTheirSizeAndDifferBySeedAndIndex(String format) throws IOException {
        byte[] a = cached.paint(format, 320, 200, 1, 0, false);
        byte[] b = cached.paint(format, 320, 200, 2, 0, false);
        byte[] c = cached.paint(format, 320, 200, 1, 1, false);

        for (byte[] image : new byte[][] {a, b, c}) {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
            assertThat(decoded.getWidth()).isEqualTo(320);
            assertThat(decoded.getHeight()).isEqualTo(200);
        }
        assertThat(a).isNotEqualTo(b).isNotEqualTo(c);
        assertThat(cached.paint(format, 320, 200, 1, 0, false))
                .as("same seed, same bytes")
                .isEqualTo(a);
    }

    @Test
    void aFlaggedCachedImageIsBlack() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(cached.paint("png", 64, 48, 9, 0, true)));

        assertThat(image.getRGB(10, 10) & 0xFFFFFF).isZero();
        assertThat(image.getRGB(63, 47) & 0xFFFFFF).isZero();
    }

    @Test
    void withoutTheCacheEverySeedIsPaintedAfresh() throws IOException {
        assertThat(painted.paint("png", 64, 48, 1, 0, false)).isNotEqualTo(painted.paint("png", 64, 48, 2, 0, false));
    }
}
