package dev.darkroom.testsupport;

import java.util.Map;
import java.util.function.BooleanSupplier;
import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;

/**
 * Decides where each piece of infrastructure comes from: environment variables first, then Testcontainers when a
 * Docker engine answers, otherwise nothing, which fails the build under {@code CI=true} (a CI without its databases
 * must not go green by skipping everything) and skips the test elsewhere.
 */
public final class InfraResolver {

    private static final InfraResolver SYSTEM = new InfraResolver(
            System.getenv(), () -> DockerClientFactory.instance().isDockerAvailable());

    private final Map<String, String> env;
    private final BooleanSupplier dockerAvailable;
    private Boolean docker;

    /**
     * @param env the environment variables to read
     * @param dockerAvailable asked at most once, and only when some infrastructure is not in the environment (the
     *     first probe costs about a quarter of a second)
     */
    public InfraResolver(Map<String, String> env, BooleanSupplier dockerAvailable) {
        this.env = Map.copyOf(env);
        this.dockerAvailable = dockerAvailable;
    }

    /** The resolver for this JVM's real environment. */
    public static InfraResolver system() {
        return SYSTEM;
    }

    /** Where {@code infra} would come from. */
    public InfraSource sourceOf(Infra infra) {
        if (infra.inProcess()) {
            return InfraSource.IN_PROCESS;
        }
        if (variable(infra.switchVariable()) != null) {
            return InfraSource.ENVIRONMENT;
        }
        return docker() ? InfraSource.TESTCONTAINERS : InfraSource.UNAVAILABLE;
    }

    /**
     * Where {@code infra} comes from, or the end of the test when it is unavailable.
     *
     * @throws IllegalStateException when unavailable and {@code CI=true}: a failure
     * @throws TestAbortedException when unavailable elsewhere: a skip
     */
    public InfraSource require(Infra infra) {
        InfraSource source = sourceOf(infra);
        if (source != InfraSource.UNAVAILABLE) {
            return source;
        }
        if (ci()) {
            throw new IllegalStateException(unavailableReason(infra));
        }
        throw new TestAbortedException(unavailableReason(infra));
    }

    /** True when running under CI ({@code CI=true} or {@code CI=1}). */
    public boolean ci() {
        String ci = variable("CI");
        return ci != null && (ci.equalsIgnoreCase("true") || ci.equals("1"));
    }

    /** Why {@code infra} cannot be had, and what to set. */
    public String unavailableReason(Infra infra) {
        String reason = infra.displayName() + " is not available: set " + String.join(", ", infra.variables())
                + " to use a running server (e.g. " + example(infra)
                + "), or start a Docker engine for Testcontainers.";
        return ci() ? reason + " CI=true, so this fails instead of skipping." : reason;
    }

    /** A non-blank environment variable, or null. */
    public String variable(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** An environment variable or its default. */
    public String variable(String name, String defaultValue) {
        String value = variable(name);
        return value == null ? defaultValue : value;
    }

    private synchronized boolean docker() {
        if (docker == null) {
            docker = dockerAvailable.getAsBoolean();
        }
        return docker;
    }

    private static String example(Infra infra) {
        return switch (infra) {
            case POSTGRES -> "PG_URL=jdbc:postgresql://127.0.0.1:5432/postgres PG_USER=postgres";
            case RABBITMQ -> "RABBITMQ_HOST=127.0.0.1 RABBITMQ_PORT=5672";
            default -> infra.switchVariable();
        };
    }
}
