package dev.darkroom.contracts.messages;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Command from the gateway: admit a job. Sent as an RPC; if no reply comes in time, the command stays durable in
 * its queue and is admitted when the orchestrator gets to it.
 *
 * @param jobId the id the gateway gave the job; admission is idempotent on it
 * @param tenantId the tenant resolved from the API key
 * @param apiKeyId the key used
 * @param model Darkroom's model id
 * @param input the tenant's input, validated by the gateway with defaults applied
 * @param metadata the tenant's free-form metadata, echoed back, or null
 * @param idempotencyKey the tenant's {@code Idempotency-Key} header, or null
 * @param requestHash sha256 of the request body, to tell a retry from a reuse of the idempotency key
 * @param requestedAt when the gateway received the request
 */
public record SubmitJob(
        UUID jobId,
        UUID tenantId,
        UUID apiKeyId,
        String model,
        JsonNode input,
        JsonNode metadata,
        String idempotencyKey,
        String requestHash,
        Instant requestedAt) {}
