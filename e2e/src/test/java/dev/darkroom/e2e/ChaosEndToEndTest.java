package dev.darkroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.testsupport.Infra;
import dev.darkroom.testsupport.InfraResolver;
import dev.darkroom.testsupport.InfraSource;
import dev.darkroom.testsupport.TestDatabase;
import dev.darkroom.testsupport.TestPostgres;
import dev.darkroom.testsupport.TestRabbit;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code ops/chaos/chaos.py} against a platform started the way a developer starts it, {@code ./darkroom up}:
 * 500 jobs while the gateway, orchestrator, image worker and webhook-receiver are each killed with SIGKILL and
 * started again, RabbitMQ and Postgres are restarted, and fal-sim drops 20 % of webhooks, duplicates 20 %, delays
 * some and answers 5 % of submits with 429 (and some with 502/503). The script's own checks must all hold.
 */
// last: it stops the running platform and restarts the machine's Postgres and RabbitMQ
@Order(Order.DEFAULT + 2)
class ChaosEndToEndTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void fiveHundredJobsSurviveKilledServicesRestartedInfrastructureAndAFlakyFal() throws Exception {
        InfraResolver infra = InfraResolver.system();
        boolean local = infra.require(Infra.POSTGRES) == InfraSource.ENVIRONMENT
                && infra.require(Infra.RABBITMQ) == InfraSource.ENVIRONMENT;
        String python = which("python3");
        String rabbitmqctl = which("rabbitmqctl");
        String pgCtl = which("pg_ctlcluster");
        boolean runnable = local && python != null && rabbitmqctl != null && pgCtl != null;
        if (!runnable && !infra.ci()) {
            Assumptions.abort("the chaos run restarts the machine's own RabbitMQ and Postgres, and needs python3");
        }
        assertThat(runnable)
                .as("CI=true: the chaos run needs local Postgres and RabbitMQ, their tools and python3")
                .isTrue();

        Platform.stopLive();
        TestDatabase database = TestPostgres.shared().createDatabase();
        TestRabbit rabbit = TestRabbit.shared();
        rabbit.deleteDarkroomQueues();
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chaos-");
        Map<String, Integer> ports = Map.of(
                "GATEWAY_PORT", Platform.freePort(),
                "ORCHESTRATOR_PORT", Platform.freePort(),
                "WORKER_IMAGE_PORT", Platform.freePort(),
                "WORKER_VIDEO_PORT", Platform.freePort(),
                "WEBHOOK_RECEIVER_PORT", Platform.freePort(),
                "FAL_SIM_PORT", Platform.freePort(),
                "DEVSTACK_S3_PORT", Platform.freePort());

        ProcessBuilder up = new ProcessBuilder("bash", ROOT.resolve("darkroom").toString(), "up")
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("up.log").toFile());
        Map<String, String> env = up.environment();
        ports.forEach((k, v) -> env.put(k, String.valueOf(v)));
        env.put("DARKROOM_DATA_DIR", data.toString());
        env.putAll(Platform.infraEnv(database, rabbit));
        env.remove("S3_ENDPOINT");
        env.remove("FAL_KEY");
        // reconcile lost webhooks within seconds (Spring's environment names: dashes dropped)
        env.put("DARKROOM_JOBS_CHECKMARGIN", "3s");
        env.put("DARKROOM_RECONCILER_POLLINTERVAL", "3s");
        env.put("DARKROOM_RECONCILER_INGESTGRACE", "15s");
        Process platform = up.start();
        try {
            Awaitility.await("./darkroom up")
                    .atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        assertThat(platform.isAlive())
                                .as("./darkroom up exited; see %s", data.resolve("up.log"))
                                .isTrue();
                        return Files.readString(data.resolve("up.log")).contains("Darkroom is up");
                    });

            List<String> command = new ArrayList<>(List.of(
                    python,
                    ROOT.resolve("ops/chaos/chaos.py").toString(),
                    "--gateway",
                    "http://127.0.0.1:" + ports.get("GATEWAY_PORT"),
                    "--fal-sim",
                    "http://127.0.0.1:" + ports.get("FAL_SIM_PORT"),
                    "--admin-token",
                    Files.readString(data.resolve("admin-token")).trim(),
                    "--control",
                    ROOT.resolve("darkroom").toString(),
                    "--jobs",
                    "500",
                    "--time-limit",
                    "1200",
                    "--restart-postgres",
                    pgCtl + " --skip-systemctl-redirect " + postgresVersion() + " main restart -m fast"));
            ProcessBuilder chaos = new ProcessBuilder(command)
                    .directory(ROOT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(data.resolve("chaos.log").toFile());
            chaos.environment().put("DARKROOM_DATA_DIR", data.toString());
            Process run = chaos.start();
            boolean finished = run.waitFor(25, TimeUnit.MINUTES);
            String output = Files.readString(data.resolve("chaos.log"));
            System.out.println(output);

            assertThat(finished).as("the chaos run ends within its time limit").isTrue();
            assertThat(output).contains("jobs=500 terminal=500 lost=0 double_charged=0 ledger_balanced=true");
            assertThat(output).contains("outputs_stored_twice=0");
            assertThat(output).contains("fal_submissions_per_job=1.00");
            assertThat(run.exitValue()).as(output).isZero();
        } finally {
            platform.destroy();
            if (!platform.waitFor(2, TimeUnit.MINUTES)) {
                platform.destroyForcibly();
            }
        }
    }

    private static String postgresVersion() throws Exception {
        try (var versions = Files.list(Path.of("/etc/postgresql"))) {
            return versions.map(p -> p.getFileName().toString())
                    .max(String::compareTo)
                    .orElseThrow();
        }
    }

    private static String which(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, tool);
            if (f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        return null;
    }
}
