/**
 * The orchestrator's internal claim API: before copying a fal result's outputs, the receiver asks the orchestrator
 * to bind the job to that fal request. Only a granted claim may store outputs under the job's keys.
 */
package dev.darkroom.receiver.claims;
