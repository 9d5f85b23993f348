/** The simulated CDN: files on disk with lifetimes, served under {@code /cdn/files/...}. */
package dev.darkroom.falsim.cdn;
