package dev.darkroom.falsim.queue;

/** Told about queue changes; called outside the queue's locks, on the queue's threads. */
public interface RequestListener {

    /** Some request changed state, logged, or moved in the queue. */
    default void queueChanged() {}

    /** A request completed (successfully or not). Called once per request. */
    default void completed(SimRequest request) {}

    /** A request was forgotten ({@code forget-after} passed): drop whatever is kept for it. */
    default void forgotten(SimRequest request) {}
}
