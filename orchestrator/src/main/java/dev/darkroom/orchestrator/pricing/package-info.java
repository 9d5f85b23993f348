/**
 * The admin pricing check: the catalog's prices compared with fal's pricing API, so an operator sees a price that
 * changed (or was never confirmed) before tenants are charged by it.
 */
package dev.darkroom.orchestrator.pricing;
