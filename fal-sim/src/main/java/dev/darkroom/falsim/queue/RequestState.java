package dev.darkroom.falsim.queue;

/** fal's queue states; a failed or cancelled request is COMPLETED with an error, as on fal. */
public enum RequestState {
    IN_QUEUE,
    IN_PROGRESS,
    COMPLETED
}
