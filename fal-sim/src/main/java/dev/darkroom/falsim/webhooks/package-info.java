/**
 * Webhooks: Ed25519-signed delivery with retries and faults, the JWKS at {@code /rest/.well-known/jwks.json}, and
 * key rotation through {@code /_sim/keys/rotate}.
 */
package dev.darkroom.falsim.webhooks;
