package dev.darkroom.receiver.outputs;

import static dev.darkroom.receiver.outputs.Mp4Fixture.box;
import static dev.darkroom.receiver.outputs.Mp4Fixture.concat;
import static dev.darkroom.receiver.outputs.Mp4Fixture.ftyp;
import static dev.darkroom.receiver.outputs.Mp4Fixture.largeBox;
import static dev.darkroom.receiver.outputs.Mp4Fixture.mvhdV0;
import static dev.darkroom.receiver.outputs.Mp4Fixture.mvhdV1;
import static dev.darkroom.receiver.outputs.Mp4Fixture.tkhdV0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkroom.contracts.catalog.ModelKind;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaInspectorTest {

    @TempDir
    Path dir;

    @Test
    void aPngIsRecognisedAndMeasuredFromItsHeader() throws IOException {
        Measured measured = inspect(raster("png", 37, 21), ModelKind.IMAGE, "image/png");

        assertThat(measured).isEqualTo(new Measured(Media.PNG, 37, 21, null));
    }

    @Test
    void aJpegDeclaredWithTheCommonMisspellingImageJpgIsAccepted() throws IOException {
        Measured measured = inspect(raster("jpeg", 64, 48), ModelKind.IMAGE, "image/jpg");

        assertThat(measured).isEqualTo(new Measured(Media.JPEG, 64, 48, null));
    }

    @Test
    void aFileWhoseBytesContradictItsDeclaredTypeIsInvalid() throws IOException {
        assertRejected(
                raster("png", 8, 8),
                ModelKind.IMAGE,
                "image/jpeg",
                "output 0 was declared image/jpeg but its content is image/png");
    }

    @Test
    void aGenericDeclaredTypeDefersToTheMagicBytes() throws IOException {
        assertThat(inspect(raster("png", 8, 8), ModelKind.IMAGE, "application/octet-stream")
                        .media())
                .isEqualTo(Media.PNG);
    }

    @Test
    void anImageFromAVideoModelIsInvalid() throws IOException {
        assertRejected(
                raster("png", 8, 8), ModelKind.VIDEO, null, "output 0 is a PNG file, but the model makes an MP4 video");
    }

    @Test
    void bytesOfNoKnownFormatAreInvalid() {
        assertRejected(
                "<html>not found</html>".getBytes(StandardCharsets.UTF_8),
                ModelKind.IMAGE,
                null,
                "output 0 is not a PNG, JPEG, WebP or SVG image (its first bytes match no such format)");
    }

    @Test
    void aTruncatedPngIsInvalid() throws IOException {
        byte[] png = raster("png", 8, 8);
        byte[] truncated = Arrays.copyOf(png, 12);

        assertThatThrownBy(() -> inspect(truncated, ModelKind.IMAGE, null))
                .isInstanceOf(OutputRejectedException.class)
                .hasMessageStartingWith("output 0 is not a valid PNG file");
    }

    @Test
    void webpSizesAreReadFromEachOfItsThreeHeaderLayouts() {
        assertThat(inspect(webp("VP8X", vp8x(1920, 1080)), ModelKind.IMAGE, "image/webp"))
                .isEqualTo(new Measured(Media.WEBP, 1920, 1080, null));
        assertThat(inspect(webp("VP8L", vp8l(1000, 563)), ModelKind.IMAGE, null))
                .isEqualTo(new Measured(Media.WEBP, 1000, 563, null));
        assertThat(inspect(webp("VP8 ", vp8(512, 300)), ModelKind.IMAGE, null))
                .isEqualTo(new Measured(Media.WEBP, 512, 300, null));
    }

    @Test
    void anSvgIsMeasuredFromItsWidthAndHeightOrElseItsViewBox() {
        assertThat(inspect(svg("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1024px\" height=\"768\"/>")))
                .isEqualTo(new Measured(Media.SVG, 1024, 768, null));
        assertThat(inspect(svg("<?xml version=\"1.0\"?>\n<!-- made by hand -->\n"
                        + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" viewBox=\"0 0 640 480\"/>")))
                .isEqualTo(new Measured(Media.SVG, 640, 480, null));
        assertThat(inspect(svg("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10em\" height=\"5em\"/>")))
                .isEqualTo(new Measured(Media.SVG, null, null, null));
    }

    @Test
    void anSvgCannotMakeTheParserReadAFileThroughAnExternalEntity() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "999");
        byte[] hostile = svg("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"&x;\" height=\"1\"/>");

        assertThatThrownBy(() -> inspect(hostile, ModelKind.IMAGE, "image/svg+xml"))
                .isInstanceOf(OutputRejectedException.class)
                .hasMessageStartingWith("output 0 is not a valid SVG file: the SVG file is not well-formed XML");
    }

    @Test
    void anSvgWhoseRootIsNotSvgIsInvalid() {
        assertRejected(
                svg("<html><svg/></html>"),
                ModelKind.IMAGE,
                null,
                "output 0 is not a valid SVG file: the SVG file's root element is <html>");
    }

    @Test
    void anMp4sDurationAndPictureSizeComeFromItsMovieAndTrackHeaders() {
        byte[] mp4 = concat(ftyp(), box("moov", mvhdV0(1000, 6000), box("trak", tkhdV0(160, 96))));

        assertThat(inspect(mp4, ModelKind.VIDEO, "video/mp4"))
                .isEqualTo(new Measured(Media.MP4, 160, 96, new BigDecimal("6.000")));
    }

    @Test
    void anMp4WithItsMovieBoxAfterALargeMediaBoxIsMeasured() {
        byte[] mp4 = concat(
                ftyp(),
                largeBox("mdat", new byte[3 * 1024 * 1024]),
                box(
                        "moov",
                        mvhdV1(90000, 553500),
                        box("trak", box("tkhd", new byte[84])),
                        box("trak", tkhdV0(1280, 720))));

        assertThat(inspect(mp4, ModelKind.VIDEO, null))
                .isEqualTo(new Measured(Media.MP4, 1280, 720, new BigDecimal("6.150")));
    }

    @Test
    void anMp4WithoutAMovieBoxIsInvalid() {
        assertRejected(
                concat(ftyp(), box("mdat", new byte[16])),
                ModelKind.VIDEO,
                null,
                "output 0 is not a valid MP4 file: the MP4 file has no movie box (moov)");
    }

    @Test
    void anMp4WhoseBoxClaimsMoreBytesThanTheFileHasIsInvalid() {
        byte[] lying = concat(
                ftyp(),
                ByteBuffer.allocate(8)
                        .putInt(1 << 30)
                        .put("moov".getBytes(StandardCharsets.ISO_8859_1))
                        .array());

        assertThatThrownBy(() -> inspect(lying, ModelKind.VIDEO, null))
                .isInstanceOf(OutputRejectedException.class)
                .hasMessageContaining("overruns its parent")
                .extracting(e -> ((OutputRejectedException) e).code())
                .isEqualTo("output_invalid");
    }

    @Test
    void anMp4ThatDoesNotKnowItsDurationIsInvalid() {
        byte[] mp4 = concat(ftyp(), box("moov", mvhdV0(1000, 0xffffffffL)));

        assertRejected(
                mp4,
                ModelKind.VIDEO,
                null,
                "output 0 is not a valid MP4 file: the MP4 movie header does not state a duration");
    }

    private Measured inspect(byte[] content) {
        return inspect(content, ModelKind.IMAGE, null);
    }

    private Measured inspect(byte[] content, ModelKind kind, String declared) {
        try {
            Path file = Files.createTempFile(dir, "output", ".bin");
            Files.write(file, content);
            return MediaInspector.inspect(file, kind, declared, 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertRejected(byte[] content, ModelKind kind, String declared, String message) {
        assertThatThrownBy(() -> inspect(content, kind, declared))
                .isInstanceOf(OutputRejectedException.class)
                .hasMessage(message)
                .extracting(e -> ((OutputRejectedException) e).code())
                .isEqualTo("output_invalid");
    }

    private static byte[] raster(String format, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    private static byte[] svg(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] webp(String chunk, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(12 + payload.length);
        b.put("WEBP".getBytes(StandardCharsets.US_ASCII)).put(chunk.getBytes(StandardCharsets.US_ASCII));
        b.putInt(payload.length).put(payload);
        return b.array();
    }

    private static byte[] vp8x(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0).put(new byte[3]);
        b.put((byte) (width - 1)).put((byte) ((width - 1) >> 8)).put((byte) ((width - 1) >> 16));
        b.put((byte) (height - 1)).put((byte) ((height - 1) >> 8)).put((byte) ((height - 1) >> 16));
        return b.array();
    }

    private static byte[] vp8l(int width, int height) {
        int bits = (width - 1) | (height - 1) << 14;
        return ByteBuffer.allocate(10)
                .order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) 0x2f)
                .putInt(bits)
                .array();
    }

    private static byte[] vp8(int width, int height) {
        return ByteBuffer.allocate(10)
                .order(ByteOrder.LITTLE_ENDIAN)
                .put(new byte[] {0x10, 0x02, 0x00, (byte) 0x9d, 0x01, 0x2a})
                .putShort((short) width)
                .putShort((short) height)
                .array();
    }
}
