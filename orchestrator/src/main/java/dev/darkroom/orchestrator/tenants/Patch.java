package dev.darkroom.orchestrator.tenants;

import java.util.function.Consumer;

/**
 * One field of a JSON merge patch (RFC 7396): absent leaves the field alone, present sets it, and present with
 * null clears an override back to the plan's value.
 */
record Patch<T>(boolean present, T value) {

    static <T> Patch<T> absent() {
        return new Patch<>(false, null);
    }

    static <T> Patch<T> of(T value) {
        return new Patch<>(true, value);
    }

    void ifPresent(Consumer<T> action) {
        if (present) {
            action.accept(value);
        }
    }
}
