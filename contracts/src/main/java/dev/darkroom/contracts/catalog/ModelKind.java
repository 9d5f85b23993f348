package dev.darkroom.contracts.catalog;

/** What a model produces; decides the work queue and the worker that submits it. */
public enum ModelKind {
    IMAGE,
    VIDEO
}
