package dev.darkroom.receiver.outputs;

/** A file is not a well-formed instance of the type its magic bytes claim. */
final class InvalidMediaException extends Exception {

    InvalidMediaException(String message) {
        super(message);
    }

    InvalidMediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
