/**
 * fal storage uploads: {@code /rest/storage/upload/initiate} (and multipart) with signed upload URLs, and the
 * token-based direct upload, all landing on the simulated CDN.
 */
package dev.darkroom.falsim.storage;
