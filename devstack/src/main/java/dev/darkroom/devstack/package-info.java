/**
 * One process that runs embedded Postgres, an AMQP 0-9-1 broker (Qpid Broker-J) and an S3 server (s3proxy) for
 * {@code ./darkroom up} on a machine with only a JDK. Entry point: {@link dev.darkroom.devstack.DevStack}.
 */
package dev.darkroom.devstack;
