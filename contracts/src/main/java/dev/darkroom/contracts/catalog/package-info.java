/**
 * The model catalog: which fal models Darkroom serves under which ids, what a tenant may send for each, how that
 * input becomes fal's own input, and what a run costs. Everything is read from the editable resource
 * {@code darkroom/catalog.yaml}; nothing about a model is hard-coded elsewhere.
 */
package dev.darkroom.contracts.catalog;
