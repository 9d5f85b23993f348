package dev.darkroom.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real {@code main} as a child process, as {@code ./darkroom up} does, twice on one data directory. */
class DevStackTest {

    private static final byte[] OBJECT = "an output that must survive".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dataDir;

    private Process process;

    @AfterEach
    void stopLeftoverProcess() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void startsEverythingAndKeepsTheDataAcrossARestart() throws Exception {
        int pgPort = freePort();
        int amqpPort = freePort();
        int s3Port = freePort();

        Properties env = startAndWaitForEnv(pgPort, amqpPort, s3Port, "first.log");
        assertThat(env.getProperty("PG_URL")).isEqualTo("jdbc:postgresql://127.0.0.1:" + pgPort + "/darkroom");
        assertThat(env.getProperty("RABBITMQ_PORT")).isEqualTo(Integer.toString(amqpPort));
        assertThat(env.getProperty("S3_ENDPOINT")).isEqualTo("http://127.0.0.1:" + s3Port);
        assertThat(Files.readString(dataDir.resolve("first.log")))
                .contains("DEVSTACK postgres jdbc:postgresql://127.0.0.1:" + pgPort + "/darkroom user=postgres")
                .contains("DEVSTACK amqp amqp://127.0.0.1:" + amqpPort)
                .contains("DEVSTACK s3 http://127.0.0.1:" + s3Port)
                .contains("DEVSTACK ready ");
        System.out.printf("devstack idle RSS: %d MB (JVM only)%n", rssKb(process.pid()) / 1024);

        try (var c = DriverManager.getConnection(
                        env.getProperty("PG_URL"), env.getProperty("PG_USER"), env.getProperty("PG_PASSWORD"));
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE survivor (id int PRIMARY KEY, note text)");
            s.execute("INSERT INTO survivor VALUES (1, 'still here')");
        }
        try (Connection amqp = rabbit(env).newConnection()) {
            Channel channel = amqp.createChannel();
            channel.exchangeDeclare("devstack.test", "direct", true);
            channel.queueDeclare("devstack.roundtrip", true, false, false, null);
            channel.queueBind("devstack.roundtrip", "devstack.test", "rt");
            channel.queueDeclare("devstack.durable", true, false, false, null);
            channel.queueBind("devstack.durable", "devstack.test", "keep");
            channel.confirmSelect();
            channel.basicPublish("devstack.test", "rt", MessageProperties.PERSISTENT_BASIC, bytes("ping"));
            channel.basicPublish("devstack.test", "keep", MessageProperties.PERSISTENT_BASIC, bytes("kept"));
            channel.waitForConfirmsOrDie(10_000);

            BlockingQueue<String> received = new ArrayBlockingQueue<>(1);
            channel.basicConsume(
                    "devstack.roundtrip",
                    true,
                    (tag, delivery) -> received.add(new String(delivery.getBody(), StandardCharsets.UTF_8)),
                    tag -> {});
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("ping");
        }
        MinioClient s3 = s3(env);
        s3.makeBucket(MakeBucketArgs.builder().bucket("outputs").build());
        s3.putObject(PutObjectArgs.builder().bucket("outputs").object("tenant/2025/01/job/0.png").stream(
                        new ByteArrayInputStream(OBJECT), (long) OBJECT.length, null)
                .contentType("image/png")
                .build());

        stop();
        assertThat(dataDir.resolve(DevStack.ENV_FILE)).doesNotExist();
        assertThat(Files.readString(dataDir.resolve("first.log"))).contains("DEVSTACK stopped");
        assertThat(portFree(pgPort) && portFree(amqpPort) && portFree(s3Port))
                .as("every port released")
                .isTrue();

        Properties again = startAndWaitForEnv(pgPort, amqpPort, s3Port, "second.log");
        assertThat(again.getProperty("S3_SECRET_KEY"))
                .as("generated credentials are kept")
                .isEqualTo(env.getProperty("S3_SECRET_KEY"));
        try (var c = DriverManager.getConnection(
                        again.getProperty("PG_URL"), again.getProperty("PG_USER"), again.getProperty("PG_PASSWORD"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT note FROM survivor WHERE id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
        try (Connection amqp = rabbit(again).newConnection()) {
            GetResponse kept = amqp.createChannel().basicGet("devstack.durable", true);
            assertThat(kept).as("persistent message in a durable queue").isNotNull();
            assertThat(new String(kept.getBody(), StandardCharsets.UTF_8)).isEqualTo("kept");
        }
        MinioClient s3Again = s3(again);
        assertThat(s3Again.bucketExists(
                        BucketExistsArgs.builder().bucket("outputs").build()))
                .isTrue();
        try (GetObjectResponse in = s3Again.getObject(GetObjectArgs.builder()
                .bucket("outputs")
                .object("tenant/2025/01/job/0.png")
                .build())) {
            assertThat(in.readAllBytes()).isEqualTo(OBJECT);
        }
        stop();
    }

    private Properties startAndWaitForEnv(int pgPort, int amqpPort, int s3Port, String logName) throws IOException {
        Path log = dataDir.resolve(logName);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                DevStack.class.getName(),
                "--data-dir=" + dataDir,
                "--pg-port=" + pgPort,
                "--amqp-port=" + amqpPort,
                "--s3-port=" + s3Port));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Path envFile = dataDir.resolve(DevStack.ENV_FILE);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .failFast("the devstack exited", () -> !process.isAlive())
                .until(() -> Files.exists(envFile));
        Properties env = new Properties();
        try (Reader in = Files.newBufferedReader(envFile)) {
            env.load(in);
        }
        return env;
    }

    private void stop() throws InterruptedException {
        process.destroy(); // SIGTERM, as Ctrl-C or ./darkroom down would send
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("stopped within a minute")
                .isTrue();
    }

    private static ConnectionFactory rabbit(Properties env) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(env.getProperty("RABBITMQ_HOST"));
        factory.setPort(Integer.parseInt(env.getProperty("RABBITMQ_PORT")));
        factory.setUsername(env.getProperty("RABBITMQ_USER"));
        factory.setPassword(env.getProperty("RABBITMQ_PASSWORD"));
        return factory;
    }

    private static MinioClient s3(Properties env) {
        return MinioClient.builder()
                .endpoint(env.getProperty("S3_ENDPOINT"))
                .credentials(env.getProperty("S3_ACCESS_KEY"), env.getProperty("S3_SECRET_KEY"))
                .region("us-east-1")
                .build();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }

    private static long rssKb(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> line.replaceAll("\\D", ""))
                .mapToLong(Long::parseLong)
                .findFirst()
                .orElse(-1);
    }
}
