package dev.darkroom.storage;

/** A range read started at or beyond the object's end (HTTP 416). */
public class RangeNotSatisfiableException extends StorageException {

    public RangeNotSatisfiableException(String key, long rangeStart, Throwable cause) {
        super(key, "Range starting at byte " + rangeStart + " is beyond the end of " + key, cause);
    }
}
