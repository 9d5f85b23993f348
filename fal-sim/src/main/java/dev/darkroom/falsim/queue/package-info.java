/**
 * fal's queue API: submit, status (polling and SSE), result, cancel; the scheduler that runs requests under a
 * concurrency limit with priorities, start timeouts and result retention; fal-shaped validation errors.
 */
package dev.darkroom.falsim.queue;
