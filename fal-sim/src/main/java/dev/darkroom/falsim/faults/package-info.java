/**
 * Fault injection: rates set through {@code /_sim/faults} (or {@code fal-sim.faults.*}), per-request prompt tokens
 * such as {@code [sim:stuck]}, ingress 5xx pages, and fal-shaped model errors.
 */
package dev.darkroom.falsim.faults;
