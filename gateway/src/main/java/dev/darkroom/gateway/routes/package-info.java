/** Calls the gateway forwards to the orchestrator: job reads and cancel, usage, quota, and the admin API. */
package dev.darkroom.gateway.routes;
