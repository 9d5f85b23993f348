package dev.darkroom.receiver.outputs;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Builds minimal ISO BMFF files box by box, to feed the MP4 walker shapes real encoders produce and break. */
final class Mp4Fixture {

    private Mp4Fixture() {}

    static byte[] box(String type, byte[]... children) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] child : children) {
            content.writeBytes(child);
        }
        return ByteBuffer.allocate(8 + content.size())
                .putInt(8 + content.size())
                .put(type.getBytes(StandardCharsets.ISO_8859_1))
                .put(content.toByteArray())
                .array();
    }

    /** A box with a 64-bit size field. */
    static byte[] largeBox(String type, byte[] content) {
        return ByteBuffer.allocate(16 + content.length)
                .putInt(1)
                .put(type.getBytes(StandardCharsets.ISO_8859_1))
                .putLong(16 + content.length)
                .put(content)
                .array();
    }

    static byte[] ftyp() {
        return box("ftyp", "isom".getBytes(StandardCharsets.ISO_8859_1), new byte[] {0, 0, 2, 0});
    }

    static byte[] mvhdV0(long timescale, long duration) {
        ByteBuffer b = ByteBuffer.allocate(100);
        b.putInt(0).putInt(0).putInt(0).putInt((int) timescale).putInt((int) duration);
        return box("mvhd", b.array());
    }

    static byte[] mvhdV1(long timescale, long duration) {
        ByteBuffer b = ByteBuffer.allocate(112);
        b.putInt(1 << 24).putLong(0).putLong(0).putInt((int) timescale).putLong(duration);
        return box("mvhd", b.array());
    }

    static byte[] tkhdV0(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(84);
        b.position(76);
        b.putInt(width << 16).putInt(height << 16);
        return box("tkhd", b.array());
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
