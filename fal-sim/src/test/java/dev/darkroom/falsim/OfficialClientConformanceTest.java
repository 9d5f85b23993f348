package dev.darkroom.falsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * fal's official JavaScript client ({@code @fal-ai/client}, pinned in {@code src/test/js/package.json}) against
 * the simulator: submit with a webhook, status with logs, result, cancel, subscribe by polling and by streaming,
 * storage upload. Only the client's request URLs are rewritten (its {@code requestMiddleware} hook), so a pass
 * means the official client can use everything the simulator returns.
 *
 * <p>Needs node and npm. Without them the test is skipped, except on CI ({@code CI=true}), where it fails.
 */
class OfficialClientConformanceTest extends SimTestBase {

    private static final Path SOURCES = Path.of("src", "test", "js");
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "conformance.mjs");

    @Test
    void theOfficialJavaScriptClientWorksAgainstTheSimulator() throws Exception {
        requireNode();
        Path work = Path.of(System.getenv().getOrDefault("DARKROOM_BUILD_DIR", "target"), "js");
        Files.createDirectories(work);
        boolean lockChanged = !Files.exists(work.resolve("package-lock.json"))
                || Files.mismatch(SOURCES.resolve("package-lock.json"), work.resolve("package-lock.json")) != -1;
        for (String file : FILES) {
            Files.copy(SOURCES.resolve(file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (lockChanged
                || !Files.isDirectory(
                        work.resolve("node_modules").resolve("@fal-ai").resolve("client"))) {
            Result install = run(work, 300, "npm", "ci", "--no-audit", "--no-fund");
            assertThat(install.exit()).as("npm ci:%n%s", install.output()).isZero();
        }

        Result conformance = run(work, 120, "node", "conformance.mjs", sim.base());

        assertThat(conformance.exit())
                .as("conformance.mjs:%n%s", conformance.output())
                .isZero();
        assertThat(conformance.output()).contains(" 0 failed");
    }

    private static void requireNode() throws InterruptedException {
        String missing = null;
        for (String tool : List.of("node", "npm")) {
            try {
                if (run(Path.of("."), 30, tool, "--version").exit() != 0) {
                    missing = tool;
                }
            } catch (IOException e) {
                missing = tool;
            }
        }
        if (missing != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(missing + " is not installed; CI must run the official-client conformance test");
            }
            Assumptions.abort(missing + " is not installed, so fal's JavaScript client cannot be run");
        }
    }

    private static Result run(Path dir, long timeoutSeconds, String... command)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("fal-sim-js", ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out after " + timeoutSeconds + " s\n" + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private record Result(int exit, String output) {}
}
