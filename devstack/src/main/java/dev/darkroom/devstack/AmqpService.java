package dev.darkroom.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.ConfiguredObject;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.State;
import org.apache.qpid.server.model.SystemConfig;
import org.apache.qpid.server.model.VirtualHostNode;

/**
 * Qpid Broker-J speaking AMQP 0-9-1 on loopback, user guest/guest. Durable exchanges, queues, bindings and
 * persistent messages live in Derby stores under {@code <data-dir>/amqp}, so they survive a restart.
 */
final class AmqpService implements RunningService {

    static final String USER = "guest";
    static final String PASSWORD = "guest";

    private final SystemLauncher launcher;
    private final int port;

    private AmqpService(SystemLauncher launcher, int port) {
        this.launcher = launcher;
        this.port = port;
    }

    static AmqpService start(Path dataDir, int port) throws Exception {
        Path dir = Files.createDirectories(dataDir.resolve("amqp"));
        // Derby writes derby.log into the working directory unless told otherwise
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        // Qpid resolves its defaults through classpath: URLs that a Boot fat jar's loader cannot open: use files
        Path config = dir.resolve("broker-config.json");
        Files.writeString(config, brokerConfig(dir));
        Path systemProperties = dir.resolve("system.properties");
        Files.writeString(systemProperties, "");

        Map<String, Object> attributes = new HashMap<>();
        // the broker's own configuration comes from broker-config.json on every start; only the virtual host's
        // store (queues, exchanges, messages) is durable
        attributes.put("type", "Memory");
        attributes.put(SystemConfig.INITIAL_CONFIGURATION_LOCATION, config.toString());
        attributes.put(SystemConfig.INITIAL_SYSTEM_PROPERTIES_LOCATION, systemProperties.toString());
        attributes.put(SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT, false);
        attributes.put(
                "context",
                Map.of(
                        "qpid.amqp_port", Integer.toString(port),
                        "qpid.work_dir", dir.toString(),
                        "qpid.home_dir", dir.toString()));
        AtomicReference<SystemConfig<?>> system = new AtomicReference<>();
        SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
            @Override
            public void onContainerResolve(SystemConfig<?> systemConfig) {
                system.set(systemConfig);
            }
        });
        launcher.startup(attributes);
        try {
            requireActive((Broker<?>) system.get().getContainer(), port);
        } catch (RuntimeException e) {
            launcher.shutdown();
            throw e;
        }
        return new AmqpService(launcher, port);
    }

    /**
     * Qpid starts even when a port cannot bind or a store cannot open, leaving the object in ERROR: that must be a
     * failed start, not a broker that announces a port something else is listening on.
     */
    private static void requireActive(Broker<?> broker, int port) {
        List<String> broken = new ArrayList<>();
        for (ConfiguredObject<?> amqpPort : broker.getChildren(Port.class)) {
            if (amqpPort.getState() != State.ACTIVE) {
                broken.add("port " + port + " is " + amqpPort.getState() + " (in use?)");
            }
        }
        for (VirtualHostNode<?> node : broker.getChildren(VirtualHostNode.class)) {
            if (node.getState() != State.ACTIVE
                    || node.getVirtualHost() == null
                    || node.getVirtualHost().getState() != State.ACTIVE) {
                broken.add("virtual host node " + node.getName() + " is " + node.getState());
            }
        }
        if (!broken.isEmpty()) {
            throw new IllegalStateException("The AMQP broker did not start: " + String.join(", ", broken));
        }
    }

    private static String brokerConfig(Path dir) throws IOException {
        String template;
        try (var in = AmqpService.class.getResourceAsStream("qpid-broker-config.json")) {
            if (in == null) {
                throw new IOException("qpid-broker-config.json is missing from the devstack jar");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return template.replace("@NODE_STORE@", json(dir.resolve("node").toString()))
                .replace("@MESSAGE_STORE@", json(json(dir.resolve("messages").toString())));
    }

    /** Escapes for a JSON string literal. */
    private static String json(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public String readyLine() {
        return "amqp amqp://127.0.0.1:" + port + " user=" + USER;
    }

    @Override
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("RABBITMQ_HOST", "127.0.0.1");
        env.put("RABBITMQ_PORT", Integer.toString(port));
        env.put("RABBITMQ_USER", USER);
        env.put("RABBITMQ_PASSWORD", PASSWORD);
        return env;
    }

    @Override
    public void close() {
        launcher.shutdown();
    }
}
