package dev.darkroom.storage;

/** A stream was longer than the caller allowed; nothing was stored. */
public class ObjectTooLargeException extends StorageException {

    private final long maxBytes;

    public ObjectTooLargeException(String key, long maxBytes) {
        super(key, "Object " + key + " exceeds the limit of " + maxBytes + " bytes; nothing was stored", null);
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
