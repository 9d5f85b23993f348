/**
 * The public HTTP API's contract: the hand-written OpenAPI 3.1 document {@code darkroom/openapi.yaml}, which the
 * gateway serves and the end-to-end tests validate every response against.
 */
package dev.darkroom.contracts.api;
