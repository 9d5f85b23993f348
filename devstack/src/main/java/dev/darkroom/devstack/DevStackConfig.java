package dev.darkroom.devstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to run and where. Each setting comes from a {@code --name=value} argument, else the environment variable
 * {@code DEVSTACK_NAME} (upper case, dashes as underscores), else the default.
 *
 * @param dataDir where every component keeps its data ({@code --data-dir}, default {@code .darkroom})
 * @param components what to start ({@code --components=postgres,amqp,s3}, default all three)
 * @param pgPort embedded Postgres' port ({@code --pg-port}, default 15432)
 * @param amqpPort the AMQP broker's port ({@code --amqp-port}, default 15673; 5672 and 15672 belong to RabbitMQ)
 * @param s3Port the S3 server's port ({@code --s3-port}, default 19000)
 * @param s3AccessKey the S3 access key ({@code --s3-access-key}; generated and kept in the data directory if unset)
 * @param s3SecretKey the S3 secret key ({@code --s3-secret-key}; generated with the access key if unset)
 */
record DevStackConfig(
        Path dataDir,
        Set<Component> components,
        int pgPort,
        int amqpPort,
        int s3Port,
        String s3AccessKey,
        String s3SecretKey) {

    static final String USAGE = """
            Usage: java -jar devstack-exec.jar [--data-dir=.darkroom] [--components=postgres,amqp,s3]
                   [--pg-port=15432] [--amqp-port=15673] [--s3-port=19000] [--s3-access-key=K --s3-secret-key=S]
            Every option can also be set as DEVSTACK_<OPTION> in the environment, e.g. DEVSTACK_PG_PORT=15432.
            """;

    private static final Set<String> OPTIONS =
            Set.of("data-dir", "components", "pg-port", "amqp-port", "s3-port", "s3-access-key", "s3-secret-key");
    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9._~+/-]+");

    /**
     * @throws IllegalArgumentException for unknown options and invalid values, with a message for the user
     */
    static DevStackConfig parse(String[] args, Map<String, String> env) {
        Map<String, String> options = new HashMap<>();
        for (String option : OPTIONS) {
            String fromEnv = env.get("DEVSTACK_" + option.toUpperCase().replace('-', '_'));
            if (fromEnv != null && !fromEnv.isBlank()) {
                options.put(option, fromEnv.trim());
            }
        }
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : null;
            if (name == null || !OPTIONS.contains(name)) {
                throw new IllegalArgumentException("Unknown argument '" + arg + "'");
            }
            options.put(name, arg.substring(eq + 1).trim());
        }
        EnumSet<Component> components = EnumSet.noneOf(Component.class);
        Arrays.stream(options.getOrDefault("components", "postgres,amqp,s3").split(","))
                .filter(name -> !name.isBlank())
                .map(Component::parse)
                .forEach(components::add);
        if (components.isEmpty()) {
            throw new IllegalArgumentException("--components names nothing to start");
        }
        String accessKey = credential(options, "s3-access-key");
        String secretKey = credential(options, "s3-secret-key");
        if ((accessKey == null) != (secretKey == null)) {
            throw new IllegalArgumentException("Give both --s3-access-key and --s3-secret-key, or neither");
        }
        return new DevStackConfig(
                Path.of(options.getOrDefault("data-dir", ".darkroom"))
                        .toAbsolutePath()
                        .normalize(),
                components,
                port(options, "pg-port", 15432),
                port(options, "amqp-port", 15673),
                port(options, "s3-port", 19000),
                accessKey,
                secretKey);
    }

    private static int port(Map<String, String> options, String name, int defaultPort) {
        String value = options.get(name);
        if (value == null) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a port number (1-65535), not '" + value + "'");
        }
    }

    private static String credential(Map<String, String> options, String name) {
        String value = options.get(name);
        // the value lands unquoted in devstack.env, which shells source
        if (value != null && !SAFE_VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("--" + name + " may only use letters, digits and . _ ~ + / -");
        }
        return value;
    }
}
