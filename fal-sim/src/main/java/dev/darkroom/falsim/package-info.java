/**
 * fal-sim: serves fal's queue host under {@code /queue}, its REST host under {@code /rest} and its CDN under
 * {@code /cdn} on one port, plus test-only controls under {@code /_sim}. Features live in sub-packages: {@code queue}
 * (submit, status, result, cancel, scheduling), {@code render} (output files), {@code cdn} (serving files),
 * {@code storage} (uploads), {@code webhooks} (signed delivery, JWKS), {@code faults} (fault injection), {@code auth}
 * (fal keys), {@code clock} (a movable clock), {@code web} (URLs and error bodies) and {@code admin}.
 */
package dev.darkroom.falsim;
