/**
 * The webhook-receiver service. {@code webhooks} verifies fal's signed webhooks and records each one as a
 * {@code FalResultReceived} message; {@code ingest} consumes those messages (and the reconciler's), claims the job at
 * the orchestrator and reports {@code JobCompleted} or {@code JobFailed}; {@code outputs} downloads, checks, measures
 * and stores the files; {@code claims} is the orchestrator's internal claim API.
 */
package dev.darkroom.receiver;
