/** Shared web plumbing: the simulator's public URLs, fal-shaped and admin error answers, the 404 fallback. */
package dev.darkroom.falsim.web;
