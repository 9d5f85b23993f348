/**
 * The immutable records services exchange over RabbitMQ, serialised as JSON. Commands are imperative
 * ({@link dev.darkroom.contracts.messages.SubmitJob}), events past tense ({@link
 * dev.darkroom.contracts.messages.JobCompleted}). They carry ids, object keys and numbers, never file contents.
 */
package dev.darkroom.contracts.messages;
