package dev.darkroom.falsim;

/** State that {@code POST /_sim/reset} clears so a test starts from a clean simulator. */
public interface Resettable {

    void reset();
}
