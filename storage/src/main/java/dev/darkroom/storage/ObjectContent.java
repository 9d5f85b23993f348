package dev.darkroom.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * An open object body, whole or a range of it; close it to release the connection.
 *
 * @param body the bytes
 * @param length how many bytes {@code body} delivers
 * @param totalSize the whole object's size (differs from {@code length} for a range)
 * @param contentType the object's content type
 * @param rangeStart offset of the first byte delivered (0 for the whole object)
 */
public record ObjectContent(InputStream body, long length, long totalSize, String contentType, long rangeStart)
        implements AutoCloseable {

    /** Offset of the last byte delivered, for a {@code Content-Range} header. */
    public long rangeEnd() {
        return rangeStart + length - 1;
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
