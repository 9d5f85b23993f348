/** The background loops of the orchestrator: one thread each, woken early by a nudge. */
package dev.darkroom.orchestrator.scheduling;
