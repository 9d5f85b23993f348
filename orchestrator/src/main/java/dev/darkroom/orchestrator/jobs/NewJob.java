package dev.darkroom.orchestrator.jobs;

import dev.darkroom.contracts.catalog.ModelKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What admission knows about a job it is about to record.
 *
 * @param id the gateway's job id
 * @param tenantId the tenant
 * @param apiKeyId the key used
 * @param model Darkroom's model id
 * @param kind image or video
 * @param inputJson the validated input
 * @param metadataJson the tenant's metadata, or null
 * @param estimatedCostUsd the estimate reserved at admission
 * @param budgetPeriod the month the job is charged to
 * @param idempotencyKey the tenant's idempotency key, or null
 */
public record NewJob(
        UUID id,
        UUID tenantId,
        UUID apiKeyId,
        String model,
        ModelKind kind,
        String inputJson,
        String metadataJson,
        BigDecimal estimatedCostUsd,
        LocalDate budgetPeriod,
        String idempotencyKey) {}
