/** The simulator's own admin API under {@code /_sim}: request inspection and reset. */
package dev.darkroom.falsim.admin;
