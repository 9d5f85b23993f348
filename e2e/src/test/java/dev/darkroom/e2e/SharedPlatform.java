package dev.darkroom.e2e;

import java.util.LinkedHashMap;
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
     * Settings of the shared platform: generous admission and key lookup bounds, so a burst on a loaded two-core
     * machine is still answered synchronously (the 202 and 503 paths have their own tests), and a reconciler quick
     * enough for tests to watch.
     */
    static final Map<String, List<String>> ARGS = withTracing(Map.of(
            "gateway",
            List.of("--darkroom.gateway.submit-timeout=20s", "--darkroom.gateway.key-lookup-timeout=10s"),
            "orchestrator",
            Stream.concat(Reconciling.FAST.stream(), TENANT_WEBHOOKS.stream()).toList()));

    private static Platform platform;

    /** Every service exports its spans to the test JVM's OTLP receiver ({@link TraceCollector}). */
    private static Map<String, List<String>> withTracing(Map<String, List<String>> args) {
        List<String> tracing = List.of(
                "--management.tracing.export.enabled=true",
                "--management.opentelemetry.tracing.export.otlp.endpoint="
                        + TraceCollector.shared().endpoint());
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (String service : Platform.SERVICES) {
            all.put(
                    service,
                    Stream.concat(args.getOrDefault(service, List.of()).stream(), tracing.stream())
                            .toList());
        }
        return Map.copyOf(all);
    }

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
