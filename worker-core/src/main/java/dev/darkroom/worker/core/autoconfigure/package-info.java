/**
 * The worker's whole wiring as one auto-configuration. Kept apart from the root package, whose settings every
 * feature reads, so the features and their wiring form no cycle.
 */
package dev.darkroom.worker.core.autoconfigure;
