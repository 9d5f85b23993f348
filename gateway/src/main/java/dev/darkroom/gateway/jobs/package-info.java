/**
 * {@code POST /v1/jobs}: validation against the catalog, then the {@code SubmitJob} command to the orchestrator as
 * a confirmed RPC. A reply within the bound gives 201 with the job (or the admission's problem); no reply gives 202
 * {@code accepted} while the command waits, durable, in its queue.
 */
package dev.darkroom.gateway.jobs;
