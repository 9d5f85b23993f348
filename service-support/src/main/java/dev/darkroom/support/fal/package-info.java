/** The fal client and webhook verifier as beans, configured from {@code darkroom.fal.*}. */
package dev.darkroom.support.fal;
