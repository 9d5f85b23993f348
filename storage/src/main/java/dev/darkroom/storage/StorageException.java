package dev.darkroom.storage;

/** Storing or reading an object failed. */
public class StorageException extends RuntimeException {

    private final String key;

    public StorageException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    /** The object's key; null when no single object was involved (bucket operations). */
    public String key() {
        return key;
    }
}
