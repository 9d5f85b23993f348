/**
 * Shared web plumbing: the simulator's public URLs, fal-shaped and admin error answers, the 404 fallback, and fal's
 * object lifecycle headers.
 */
package dev.darkroom.falsim.web;
