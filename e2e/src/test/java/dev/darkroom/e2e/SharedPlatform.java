package dev.darkroom.e2e;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One platform for the end-to-end classes that need no special settings; started on first use and stopped when the
 * test JVM exits (or when a class starts a platform of its own), so the services start as few times as possible.
 */
final class SharedPlatform {

    /** Tenant webhook endpoints in the test JVM (loopback), and a delivery timeout short enough to watch. */
    static final List<String> TENANT_WEBHOOKS =
            List.of("--darkroom.webhooks.allowed-hosts=127.0.0.1", "--darkroom.webhooks.timeout=2s");

    /**
     * Settings of the shared platform: a generous admission bound, so a burst on a loaded two-core machine is still
     * answered synchronously (the 202 path has its own test), and a reconciler quick enough for tests to watch.
     */
    static final Map<String, List<String>> ARGS = Map.of(
            "gateway",
            List.of("--darkroom.gateway.submit-timeout=20s"),
            "orchestrator",
            Stream.concat(Reconciling.FAST.stream(), TENANT_WEBHOOKS.stream()).toList());

    private static Platform platform;

    private SharedPlatform() {}

    static synchronized Platform get() {
        if (platform == null || platform.closed()) {
            Platform started = Platform.start(Map.of(), ARGS);
            if (platform == null) {
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(() -> SharedPlatform.platform.kill(), "e2e-platform-stop"));
            }
            platform = started;
        }
        return platform;
    }
}
