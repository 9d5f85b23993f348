/**
 * Verification of fal's webhooks: an Ed25519 signature over request id, user id, timestamp and the SHA-256 of the
 * raw body, checked against the keys fal publishes as a JWKS (fal-api.md §3.4).
 */
package dev.darkroom.falclient.webhooks;
