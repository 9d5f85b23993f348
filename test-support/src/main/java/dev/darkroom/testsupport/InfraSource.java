package dev.darkroom.testsupport;

/** Where a piece of infrastructure comes from in this JVM. */
public enum InfraSource {
    /** A server named by environment variables (CI, or a developer's local servers). */
    ENVIRONMENT,
    /** A container started through Testcontainers, once per JVM. */
    TESTCONTAINERS,
    /** Started inside the test JVM (s3proxy, fal-sim). */
    IN_PROCESS,
    /** Neither configured nor startable: the test fails under CI and is skipped elsewhere. */
    UNAVAILABLE
}
