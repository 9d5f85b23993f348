package dev.darkroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.standardwebhooks.Webhook;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The samples of {@code docs/integrating.md} ({@code docs/samples}) run unchanged against a running platform: the
 * curl session, the Node program with the {@code standardwebhooks} package from its committed lock file, and the
 * single-file Java program with the Standard Webhooks Java library. Each gets a tenant of its own; the Node and Java
 * ones receive that tenant's webhooks on a port of their own. Node and npm missing: skipped, failing under
 * {@code CI=true}.
 */
class IntegratingSamplesEndToEndTest {

    private static final Path SAMPLES = Path.of("..", "docs", "samples");

    private static Platform platform;
    private static Api api;

    @BeforeAll
    static void platform() {
        platform = SharedPlatform.get();
        api = new Api(platform.gatewayUrl());
    }

    @Test
    void theCurlSessionRuns() throws Exception {
        Api.Tenant tenant = api.aTenant();

        Result session = run(SAMPLES.resolve("curl"), env(tenant, 0), "bash", "session.sh");

        assertThat(session.exit()).as("session.sh:%n%s", session.output()).isZero();
        assertThat(session.output()).contains("session ok", "unknown_model");
    }

    @Test
    void theNodeSampleRunsAndVerifiesItsWebhook() throws Exception {
        requireTool("node");
        requireTool("npm");
        Path work = Path.of("target", "samples", "node");
        Files.createDirectories(work);
        boolean lockChanged = !Files.exists(work.resolve("package-lock.json"))
                || Files.mismatch(SAMPLES.resolve("node/package-lock.json"), work.resolve("package-lock.json")) != -1;
        for (String file : List.of("package.json", "package-lock.json", "integrate.mjs")) {
            Files.copy(SAMPLES.resolve("node").resolve(file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (lockChanged || !Files.isDirectory(work.resolve("node_modules/standardwebhooks"))) {
            Result install = run(work, Map.of(), "npm", "ci", "--no-audit", "--no-fund");
            assertThat(install.exit()).as("npm ci:%n%s", install.output()).isZero();
        }
        int port = Platform.freePort();

        Result sample = run(work, env(webhookTenant(port), port), "node", "integrate.mjs");

        assertThat(sample.exit()).as("integrate.mjs:%n%s", sample.output()).isZero();
        assertThat(sample.output()).contains("webhook job.succeeded verified", "node sample ok");
    }

    @Test
    void theJavaSampleRunsAndVerifiesItsWebhook() throws Exception {
        int port = Platform.freePort();
        String javaCommand =
                Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = Stream.of(
                        Webhook.class,
                        tools.jackson.databind.json.JsonMapper.class,
                        tools.jackson.core.JsonParser.class,
                        com.fasterxml.jackson.annotation.JsonProperty.class)
                .map(IntegratingSamplesEndToEndTest::jarOf)
                .collect(Collectors.joining(File.pathSeparator));

        Result sample = run(
                SAMPLES.resolve("java"),
                env(webhookTenant(port), port),
                javaCommand,
                "-cp",
                classPath,
                "Integrate.java");

        assertThat(sample.exit()).as("Integrate.java:%n%s", sample.output()).isZero();
        assertThat(sample.output()).contains("webhook job.succeeded verified", "java sample ok");
    }

    /** A tenant whose webhooks go to a sample listening on {@code port}. */
    private static Map.Entry<Api.Tenant, String> webhookTenant(int port) {
        Api.Tenant tenant = api.aTenant("webhook_url", "http://127.0.0.1:" + port + "/darkroom");
        Api.Response view = api.admin("GET", "/v1/admin/tenants/" + tenant.id(), null);
        assertThat(view.status()).isEqualTo(200);
        return Map.entry(tenant, view.body().get("webhook_secret").asString());
    }

    private static Map<String, String> env(Map.Entry<Api.Tenant, String> tenant, int port) {
        Map<String, String> env = env(tenant.getKey(), port);
        env.put("DARKROOM_WEBHOOK_SECRET", tenant.getValue());
        return env;
    }

    private static Map<String, String> env(Api.Tenant tenant, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DARKROOM_URL", platform.gatewayUrl());
        env.put("DARKROOM_API_KEY", tenant.key());
        env.put("WEBHOOK_PORT", String.valueOf(port));
        return env;
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireTool(String tool) throws InterruptedException {
        boolean present;
        try {
            present = run(Path.of("."), Map.of(), tool, "--version").exit() == 0;
        } catch (IOException e) {
            present = false;
        }
        if (!present) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(tool + " is not installed; CI must run the integrating samples");
            }
            Assumptions.abort(tool + " is not installed");
        }
    }

    private static Result run(Path dir, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("darkroom-sample", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out\n" + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private record Result(int exit, String output) {}
}
