package dev.darkroom.worker.core.images;

/**
 * Darkroom's own storage could not serve a previous job's output just now (connection failure, 5xx). Unlike a
 * tenant's server, that is our outage, not a bad input: the message is retried instead of the job failing.
 */
class ImageSourceUnavailableException extends RuntimeException {

    ImageSourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
