/**
 * {@code POST /fal/webhooks/{jobId}?token=...}: checks Darkroom's per-job token and fal's Ed25519 signature over the
 * raw body, then records the webhook durably as a {@code FalResultReceived} message (publisher-confirmed) before
 * answering 200. No work happens here; the ingestion consumer does it.
 */
package dev.darkroom.receiver.webhooks;
