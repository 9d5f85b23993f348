/**
 * The transactional outbox: a message is stored in the same transaction as the state change that causes it, and
 * a relay publishes it with publisher confirms afterwards. Nothing is published inside a database transaction.
 */
package dev.darkroom.orchestrator.outbox;
