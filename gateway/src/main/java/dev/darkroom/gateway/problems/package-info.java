/** RFC 9457 problem responses for the reactive gateway, including errors no handler caught. */
package dev.darkroom.gateway.problems;
