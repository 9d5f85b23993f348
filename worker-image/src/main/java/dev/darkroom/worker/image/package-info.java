/**
 * The image worker: worker-core's submit-report-ack loop on {@code worker.work-image}, configured by {@code
 * application.yml} ({@code darkroom.worker.kind: image}).
 */
package dev.darkroom.worker.image;
