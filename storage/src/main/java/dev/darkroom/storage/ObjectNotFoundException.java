package dev.darkroom.storage;

/** No object under that key. */
public class ObjectNotFoundException extends StorageException {

    public ObjectNotFoundException(String key, Throwable cause) {
        super(key, "No object " + key, cause);
    }
}
