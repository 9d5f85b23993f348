/**
 * Every exchange, queue and routing key, and how queues are declared. No other code spells a broker name.
 */
package dev.darkroom.contracts.messaging;
