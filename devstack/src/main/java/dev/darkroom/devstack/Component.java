package dev.darkroom.devstack;

import java.util.Locale;

/** What the devstack can run. */
enum Component {
    POSTGRES,
    AMQP,
    S3;

    static Component parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown component '" + name + "' (known: postgres, amqp, s3)", e);
        }
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
