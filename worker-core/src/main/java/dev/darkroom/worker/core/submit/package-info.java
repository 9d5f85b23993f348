/**
 * Submitting a dispatched job to fal and reporting what happened: {@code JobSubmitted}, {@code JobFailed}, or an
 * exception that sends the message back to the listener's retry or to the dead-letter queue.
 */
package dev.darkroom.worker.core.submit;
