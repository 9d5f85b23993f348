package dev.darkroom.testsupport;

import java.util.List;

/** A piece of infrastructure a test can ask for. */
public enum Infra {
    /** A fresh Postgres database per application context. */
    POSTGRES("Postgres", "PG_URL", List.of("PG_URL", "PG_USER", "PG_PASSWORD")),
    /** The shared RabbitMQ broker, with every Darkroom queue deleted when a context starts. */
    RABBITMQ(
            "RabbitMQ",
            "RABBITMQ_HOST",
            List.of("RABBITMQ_HOST", "RABBITMQ_PORT", "RABBITMQ_USER", "RABBITMQ_PASSWORD")),
    /** An embedded S3 server (s3proxy), with a fresh bucket per application context. */
    S3("S3", null, List.of()),
    /** fal-sim, in-process on a random port. */
    FAL_SIM("fal-sim", null, List.of());

    private final String displayName;
    private final String switchVariable;
    private final List<String> variables;

    Infra(String displayName, String switchVariable, List<String> variables) {
        this.displayName = displayName;
        this.switchVariable = switchVariable;
        this.variables = variables;
    }

    /** How messages name it. */
    public String displayName() {
        return displayName;
    }

    /** The environment variable whose presence selects an external server; null for in-process infrastructure. */
    public String switchVariable() {
        return switchVariable;
    }

    /** Every environment variable that configures the external server. */
    public List<String> variables() {
        return variables;
    }

    /** True when it always runs inside the test JVM and needs neither environment nor Docker. */
    public boolean inProcess() {
        return switchVariable == null;
    }
}
