/**
 * What services agree on to trust one another: the headers the gateway sets after authenticating a tenant, and
 * the SHA-256 fingerprint API keys are stored and looked up by (also used for request and webhook bodies).
 */
package dev.darkroom.contracts.security;
