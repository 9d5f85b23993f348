package dev.darkroom.orchestrator.api;

import java.util.List;

/**
 * One page of a list.
 *
 * @param data the items
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
public record Page<T>(List<T> data, String nextCursor) {}
