/** The simulator's movable clock and its admin endpoint {@code /_sim/clock}. */
package dev.darkroom.falsim.clock;
