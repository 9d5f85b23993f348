/** {@code GET /v1/models}: the catalog as tenants see it — parameters with types, defaults and bounds, and prices. */
package dev.darkroom.gateway.models;
