/** AMQP wiring: topology, JSON conversion, confirmed publishing, dead-lettering after retries. */
package dev.darkroom.support.amqp;
