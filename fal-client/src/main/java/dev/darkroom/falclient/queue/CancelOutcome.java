package dev.darkroom.falclient.queue;

/** What fal said to a cancel (docs/fal-protocol.md#cancel). */
public enum CancelOutcome {
    /** 202: removed from the queue, or signalled to stop; an in-progress request may still complete. */
    CANCELLATION_REQUESTED,
    /** 400: the request had already finished. */
    ALREADY_COMPLETED,
    /** 404: fal does not know the request (never existed, or no longer kept). */
    NOT_FOUND
}
