/**
 * Darkroom's client for fal.ai: {@link dev.darkroom.falclient.FalClient} for the queue API and storage uploads,
 * {@link dev.darkroom.falclient.webhooks.FalWebhookVerifier} for fal's signed webhooks, both configured by one
 * {@link dev.darkroom.falclient.FalClientConfig}. Plain Java ({@code java.net.http} and Jackson), no Spring; every
 * base URL is configurable so the same code runs against fal and against fal-sim.
 */
package dev.darkroom.falclient;
