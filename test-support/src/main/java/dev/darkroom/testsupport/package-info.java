/**
 * Test infrastructure shared by every module: Postgres and RabbitMQ from the environment or Testcontainers, an
 * embedded S3 server, fal-sim in-process, and the glue that hands them to a {@code @SpringBootTest}. Start with
 * {@link dev.darkroom.testsupport.DarkroomInfra}.
 */
package dev.darkroom.testsupport;
