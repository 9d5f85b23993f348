/** fal's platform API ({@code api.fal.ai/v1}): model prices. */
package dev.darkroom.falclient.platform;
