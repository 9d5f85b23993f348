/**
 * The exceptions fal's API can end in: one sealed, unchecked hierarchy under {@link
 * dev.darkroom.falclient.errors.FalException}. Each carries the HTTP status, fal's request id and error type when fal
 * sent them, the response body (with the API key scrubbed), and whether trying again can help.
 */
package dev.darkroom.falclient.errors;
