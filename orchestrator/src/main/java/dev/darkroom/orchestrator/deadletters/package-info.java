/**
 * Dead-lettered messages: their depth per queue as a metric, and an admin API to list them and re-drive them to
 * the queue they came from.
 */
package dev.darkroom.orchestrator.deadletters;
