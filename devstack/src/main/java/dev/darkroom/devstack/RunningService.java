package dev.darkroom.devstack;

import java.util.Map;

/** A started component. */
interface RunningService extends AutoCloseable {

    /** The machine-readable ready line, printed after {@code DEVSTACK }. */
    String readyLine();

    /** What it adds to {@code devstack.env}. */
    Map<String, String> environment();

    /** Stops it; data on disk stays. */
    @Override
    void close();
}
