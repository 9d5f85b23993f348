/**
 * RFC 9457 problem responses: named exceptions carry an HTTP status and a stable machine-readable {@code code},
 * mapped once per service.
 */
package dev.darkroom.support.problems;
