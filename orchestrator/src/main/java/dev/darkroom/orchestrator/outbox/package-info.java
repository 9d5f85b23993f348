/**
 * The transactional outbox: a message is stored in the same transaction as the state change that causes it, and
 * a relay publishes it with publisher confirms afterwards. Nothing is published inside a database transaction.
 * {@code OutboxRows} holds all the SQL that writes the {@code outbox} table. Uses only scheduling.
 */
@ApplicationModule(
        displayName = "outbox",
        allowedDependencies = {"scheduling"})
package dev.darkroom.orchestrator.outbox;

import org.springframework.modulith.ApplicationModule;
