/**
 * fal's platform pricing API ({@code GET /api/v1/models/pricing}): the catalog's prices, which a test may change
 * through {@code PUT /_sim/pricing} to see Darkroom's pricing check report the difference.
 */
package dev.darkroom.falsim.pricing;
