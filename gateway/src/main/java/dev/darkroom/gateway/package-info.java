/**
 * The public edge: authenticates tenants by API key, validates job requests against the model catalog, submits
 * jobs to the orchestrator over RabbitMQ, serves the catalog, and routes every other call to the orchestrator.
 */
package dev.darkroom.gateway;
