/**
 * Spring wiring every Darkroom service shares, written once: the broker topology, JSON messages, publishing with
 * confirms, listener retries that end in a dead-letter queue, and RFC 9457 problem responses with a stable
 * {@code code}.
 */
package dev.darkroom.support;
