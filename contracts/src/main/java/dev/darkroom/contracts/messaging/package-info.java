/**
 * Every exchange, queue and routing key, and which queue each feeds. No other code spells a broker name.
 */
package dev.darkroom.contracts.messaging;
