/** The per-job token in the webhook URL Darkroom gives fal. */
package dev.darkroom.contracts.webhooks;
