package dev.darkroom.contracts.messages;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Work for a worker: submit this job to fal. Published by the dispatcher through the outbox.
 *
 * @param jobId the job
 * @param tenantId its tenant
 * @param model Darkroom's model id
 * @param input the validated Darkroom input; the worker maps it to fal's input through the catalog
 * @param dispatchedAt when the dispatcher released it
 * @param attempt which dispatch of the job this is (1 for the first): the worker takes the submit lease of this
 *     attempt before calling fal, so a stale or duplicated dispatch is dropped; null from a sender that predates it
 */
public record DispatchJob(
        UUID jobId, UUID tenantId, String model, JsonNode input, Instant dispatchedAt, Integer attempt) {}
