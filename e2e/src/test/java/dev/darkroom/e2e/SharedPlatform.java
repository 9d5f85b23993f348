package dev.darkroom.e2e;

/**
 * One platform for the end-to-end classes that need no special settings; started on first use and stopped when the
 * test JVM exits, so the services start once for the whole module.
 */
final class SharedPlatform {

    private static Platform platform;

    private SharedPlatform() {}

    static synchronized Platform get() {
        if (platform == null) {
            platform = Platform.start();
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "e2e-platform-stop"));
        }
        return platform;
    }
}
