/** The per-job webhook URL fal is told to call, with the token the webhook-receiver checks. */
package dev.darkroom.worker.core.webhooks;
