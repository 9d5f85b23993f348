package dev.darkroom.falsim;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Just enough ISO BMFF reading to check an MP4: its top-level boxes and the movie duration in {@code mvhd}. */
public final class Mp4 {

    private Mp4() {}

    /** The types of the top-level boxes, in file order; fails on a box that overruns the file. */
    public static List<String> topLevelBoxes(byte[] file) {
        List<String> types = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(file);
        while (buffer.remaining() >= 8) {
            int start = buffer.position();
            long size = Integer.toUnsignedLong(buffer.getInt());
            String type = type(buffer);
            if (size == 1) {
                size = buffer.getLong();
            } else if (size == 0) {
                size = file.length - start;
            }
            if (size < 8 || start + size > file.length) {
                throw new IllegalArgumentException("box " + type + " overruns the file");
            }
            types.add(type);
            buffer.position((int) (start + size));
        }
        return types;
    }

    /** The movie's duration in seconds from {@code moov/mvhd}. */
    public static double durationSeconds(byte[] file) {
        ByteBuffer moov = child(ByteBuffer.wrap(file), "moov");
        ByteBuffer mvhd = child(moov, "mvhd");
        int version = mvhd.get() & 0xff;
        mvhd.position(mvhd.position() + 3);
        long timescale;
        long duration;
        if (version == 1) {
            mvhd.position(mvhd.position() + 16);
            timescale = Integer.toUnsignedLong(mvhd.getInt());
            duration = mvhd.getLong();
        } else {
            mvhd.position(mvhd.position() + 8);
            timescale = Integer.toUnsignedLong(mvhd.getInt());
            duration = Integer.toUnsignedLong(mvhd.getInt());
        }
        return (double) duration / timescale;
    }

    /** The payload of the first child box of this type. */
    private static ByteBuffer child(ByteBuffer parent, String wanted) {
        ByteBuffer buffer = parent.slice();
        while (buffer.remaining() >= 8) {
            int start = buffer.position();
            long size = Integer.toUnsignedLong(buffer.getInt());
            String type = type(buffer);
            int header = 8;
            if (size == 1) {
                size = buffer.getLong();
                header = 16;
            } else if (size == 0) {
                size = buffer.limit() - start;
            }
            if (type.equals(wanted)) {
                return buffer.slice(start + header, (int) size - header);
            }
            buffer.position((int) (start + size));
        }
        throw new IllegalArgumentException("no " + wanted + " box");
    }

    private static String type(ByteBuffer buffer) {
        byte[] type = new byte[4];
        buffer.get(type);
        return new String(type, StandardCharsets.ISO_8859_1);
    }
}
