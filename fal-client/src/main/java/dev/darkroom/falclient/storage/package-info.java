/**
 * Uploads to fal's CDN storage, for inputs a model must download (e.g. a previous job's output as the first frame
 * of a video).
 */
package dev.darkroom.falclient.storage;
