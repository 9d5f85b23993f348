/**
 * The video worker: worker-core's submit-report-ack loop on {@code worker.work-video}, configured by {@code
 * application.yml} ({@code darkroom.worker.kind: video}).
 * Unlike the image worker it resolves input images before the submit.
 */
package dev.darkroom.worker.video;
