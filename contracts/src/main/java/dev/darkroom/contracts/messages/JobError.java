package dev.darkroom.contracts.messages;

import tools.jackson.databind.JsonNode;

/**
 * Why a job failed, kept as data.
 *
 * @param code a stable code: fal's {@code error_type} or one of Darkroom's ({@code fal_validation_error},
 *     {@code fal_error}, {@code output_invalid}, ...)
 * @param message a sentence for people
 * @param falDetail fal's own error body, or null
 */
public record JobError(String code, String message, JsonNode falDetail) {}
