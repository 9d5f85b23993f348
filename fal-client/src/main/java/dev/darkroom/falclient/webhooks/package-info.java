/**
 * Verification of fal's webhooks: an Ed25519 signature over request id, user id, timestamp and the SHA-256 of the
 * raw body, checked against the keys fal publishes as a JWKS (docs/fal-protocol.md#webhook-signatures).
 */
package dev.darkroom.falclient.webhooks;
