package dev.darkroom.support.amqp;

/** The broker did not confirm a message: nacked, returned as unroutable, or no answer in time. */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
