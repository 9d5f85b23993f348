/**
 * Copies a fal result's output files into Darkroom's storage: downloads each one (only from fal's CDN or an
 * allow-listed host, bounded in size and time, retrying transient failures; {@code data:} URIs decoded), checks its
 * content type against its magic bytes, measures it (image width and height, video duration) without decoding it,
 * and streams it to its fixed object key. {@link dev.darkroom.receiver.outputs.OutputCopier} is the entry point.
 */
package dev.darkroom.receiver.outputs;
