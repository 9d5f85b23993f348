/**
 * The loop every Darkroom worker runs, written once: consume a {@code DispatchJob} from the worker's work queue, map
 * the job's input to fal's, submit it to fal's queue with a webhook URL, report {@code JobSubmitted} (or {@code
 * JobFailed}) with a broker confirm, and ack. A worker never holds a message while fal renders. The image and video
 * workers are this library plus {@code darkroom.worker.kind}.
 */
package dev.darkroom.worker.core;
