package dev.darkroom.contracts.messaging;

/**
 * A queue and what feeds it.
 *
 * @param queue the queue's name
 * @param exchange the exchange it is bound to
 * @param routingKey the binding key
 */
public record Route(String queue, String exchange, String routingKey) {}
