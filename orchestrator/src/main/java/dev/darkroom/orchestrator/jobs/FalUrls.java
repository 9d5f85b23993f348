package dev.darkroom.orchestrator.jobs;

/**
 * The URLs fal's submit returned for a request; Darkroom always follows these rather than building its own.
 *
 * @param statusUrl where to poll the request's status
 * @param responseUrl where to fetch its result
 * @param cancelUrl where to cancel it
 */
record FalUrls(String statusUrl, String responseUrl, String cancelUrl) {}
