package dev.darkroom.receiver.outputs;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads an MP4's duration (movie header {@code moov/mvhd}) and picture size (the first track header {@code
 * moov/trak/tkhd} with one) by walking its boxes (ISO/IEC 14496-12 §4.2, §8.2.2, §8.3.2).
 *
 * <p>Written by hand rather than with a media library: it needs three box types out of hundreds, reads a few dozen
 * bytes with positional reads (the {@code moov} box may sit at the end of a large file, so it cannot be streamed),
 * decodes nothing, and every size it reads is checked against its parent, so a hostile file can only make it
 * refuse. The libraries available (jcodec, mp4parser) would load whole boxes and bring far more surface.
 */
final class Mp4Boxes {

    /** A movie header's duration when the writer did not know it (all bits set). */
    private static final long UNKNOWN_32 = 0xffffffffL;

    private final FileChannel channel;
    private final long size;

    private Mp4Boxes(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
    }

    /** The video's duration in seconds (millisecond precision) and its width and height when a track states them. */
    static Measured measure(Path file) throws InvalidMediaException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return new Mp4Boxes(channel).measure();
        } catch (IOException e) {
            throw new InvalidMediaException("the MP4 file cannot be read: " + e.getMessage(), e);
        }
    }

    private Measured measure() throws IOException, InvalidMediaException {
        Box moov = find(0, size, "moov");
        if (moov == null) {
            throw new InvalidMediaException("the MP4 file has no movie box (moov)");
        }
        Box mvhd = find(moov.contentStart(), moov.end(), "mvhd");
        if (mvhd == null) {
            throw new InvalidMediaException("the MP4 file has no movie header (mvhd)");
        }
        BigDecimal duration = duration(mvhd);
        int[] picture = picture(moov);
        return new Measured(
                Media.MP4, picture == null ? null : picture[0], picture == null ? null : picture[1], duration);
    }

    private BigDecimal duration(Box mvhd) throws IOException, InvalidMediaException {
        ByteBuffer b = read(mvhd, 32);
        int version = b.get(0) & 0xff;
        long timescale;
        long duration;
        if (version == 1) {
            timescale = Integer.toUnsignedLong(b.getInt(20));
            duration = b.getLong(24);
        } else {
            timescale = Integer.toUnsignedLong(b.getInt(12));
            duration = Integer.toUnsignedLong(b.getInt(16));
            if (duration == UNKNOWN_32) {
                duration = -1;
            }
        }
        if (timescale == 0 || duration < 0) {
            throw new InvalidMediaException("the MP4 movie header does not state a duration");
        }
        return BigDecimal.valueOf(duration).divide(BigDecimal.valueOf(timescale), 3, RoundingMode.HALF_UP);
    }

    /** {width, height} of the first track whose header has a picture size, or null (an audio-only file). */
    private int[] picture(Box moov) throws IOException, InvalidMediaException {
        long at = moov.contentStart();
        while (at < moov.end()) {
            Box box = box(at, moov.end());
            if (box.type().equals("trak")) {
                Box tkhd = find(box.contentStart(), box.end(), "tkhd");
                if (tkhd != null) {
                    int[] size = trackSize(tkhd);
                    if (size != null) {
                        return size;
                    }
                }
            }
            at = box.end();
        }
        return null;
    }

    private int[] trackSize(Box tkhd) throws IOException, InvalidMediaException {
        int version = read(tkhd, 1).get(0) & 0xff;
        // version, flags, times, track id, duration, reserved, layer, group, volume, matrix; then 16.16 sizes
        int offset = version == 1 ? 88 : 76;
        ByteBuffer b = read(tkhd, offset + 8);
        int width = b.getInt(offset) >>> 16;
        int height = b.getInt(offset + 4) >>> 16;
        return width > 0 && height > 0 ? new int[] {width, height} : null;
    }

    /** The first box of this type among the siblings in {@code [start, end)}, or null. */
    private Box find(long start, long end, String type) throws IOException, InvalidMediaException {
        long at = start;
        while (at < end) {
            Box box = box(at, end);
            if (box.type().equals(type)) {
                return box;
            }
            at = box.end();
        }
        return null;
    }

    private Box box(long at, long parentEnd) throws IOException, InvalidMediaException {
        if (parentEnd - at < 8) {
            throw new InvalidMediaException("the MP4 file has a truncated box at byte " + at);
        }
        ByteBuffer header = readAt(at, 8);
        long boxSize = Integer.toUnsignedLong(header.getInt(0));
        String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
        int headerLength = 8;
        if (boxSize == 1) {
            if (parentEnd - at < 16) {
                throw new InvalidMediaException("the MP4 file has a truncated box at byte " + at);
            }
            boxSize = readAt(at + 8, 8).getLong(0);
            headerLength = 16;
        } else if (boxSize == 0) {
            boxSize = parentEnd - at;
        }
        if (boxSize < headerLength || boxSize > parentEnd - at) {
            throw new InvalidMediaException("the MP4 box '" + type + "' at byte " + at + " overruns its parent");
        }
        return new Box(type, at, headerLength, boxSize);
    }

    /** The first {@code length} content bytes of a box, which must have that many. */
    private ByteBuffer read(Box box, int length) throws IOException, InvalidMediaException {
        if (box.end() - box.contentStart() < length) {
            throw new InvalidMediaException("the MP4 box '" + box.type() + "' is too short");
        }
        return readAt(box.contentStart(), length);
    }

    private ByteBuffer readAt(long position, int length) throws IOException, InvalidMediaException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new InvalidMediaException("the MP4 file ends inside a box");
            }
        }
        return buffer.flip();
    }

    private record Box(String type, long start, int headerLength, long size) {
        long contentStart() {
            return start + headerLength;
        }

        long end() {
            return start + size;
        }
    }
}
