package dev.darkroom.falsim.render;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Writes a short text into an encoded image without touching its pixels: a PNG {@code tEXt} chunk right after
 * {@code IHDR}, or a JPEG {@code COM} segment right after {@code SOI}. Hand-written because no image library offers
 * "insert a metadata block into these bytes" without decoding and re-encoding, which is the cost being avoided.
 */
final class SeedStamp {

    /** PNG signature (8 bytes) plus the IHDR chunk (4 length + 4 type + 13 data + 4 CRC). */
    private static final int PNG_AFTER_IHDR = 8 + 25;
    /** JPEG SOI marker. */
    private static final int JPEG_AFTER_SOI = 2;

    private static final byte[] PNG_KEYWORD = "fal-sim-seed\0".getBytes(StandardCharsets.ISO_8859_1);

    private SeedStamp() {}

    static byte[] stamp(String format, byte[] image, String text) {
        byte[] value = text.getBytes(StandardCharsets.ISO_8859_1);
        return "png".equals(format) ? png(image, value) : jpeg(image, value);
    }

    private static byte[] png(byte[] image, byte[] value) {
        int length = PNG_KEYWORD.length + value.length;
        ByteBuffer chunk = ByteBuffer.allocate(12 + length);
        chunk.putInt(length);
        int typeAt = chunk.position();
        chunk.put("tEXt".getBytes(StandardCharsets.ISO_8859_1)).put(PNG_KEYWORD).put(value);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), typeAt, 4 + length);
        chunk.putInt((int) crc.getValue());
        return splice(image, PNG_AFTER_IHDR, chunk.array());
    }

    private static byte[] jpeg(byte[] image, byte[] value) {
        ByteBuffer segment = ByteBuffer.allocate(4 + value.length);
        // the length counts itself (2 bytes) and the data, not the marker
        segment.put((byte) 0xFF)
                .put((byte) 0xFE)
                .putShort((short) (2 + value.length))
                .put(value);
        return splice(image, JPEG_AFTER_SOI, segment.array());
    }

    private static byte[] splice(byte[] image, int at, byte[] insert) {
        byte[] result = new byte[image.length + insert.length];
        System.arraycopy(image, 0, result, 0, at);
        System.arraycopy(insert, 0, result, at, insert.length);
        System.arraycopy(image, at, result, at + insert.length, image.length - at);
        return result;
    }
}
