/**
 * The object layout in MinIO/S3: key layout ({@link dev.darkroom.storage.ObjectKeys}), puts of files and of
 * size-limited streams that record a sha256, presigned GET URLs for tenants, range reads, bucket bootstrap and retention rules
 * ({@link dev.darkroom.storage.ObjectStorage}). A Spring Boot auto-configuration provides the bean from
 * {@code darkroom.storage.*} ({@link dev.darkroom.storage.StorageProperties}).
 */
package dev.darkroom.storage;
