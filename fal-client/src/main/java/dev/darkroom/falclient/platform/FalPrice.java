package dev.darkroom.falclient.platform;

import java.math.BigDecimal;

/**
 * One endpoint's price from fal's pricing API.
 *
 * @param endpointId fal's endpoint id
 * @param unitPrice the price of one billing unit
 * @param unit the billing unit as fal names it ({@code megapixels}, {@code images}, {@code seconds}, ...)
 * @param currency ISO 4217 code
 */
public record FalPrice(String endpointId, BigDecimal unitPrice, String unit, String currency) {}
