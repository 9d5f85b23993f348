/**
 * Input images of a job: fetched and checked (no private addresses unless allow-listed, {@code image/*} only,
 * bounded size and time), then passed to fal unchanged or uploaded to fal's storage when they live in Darkroom's own
 * storage. An unusable image fails the job with {@code input_image_invalid}.
 */
package dev.darkroom.worker.core.images;
