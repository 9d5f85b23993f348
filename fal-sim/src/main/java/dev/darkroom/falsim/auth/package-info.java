/** fal API key checks on the queue and storage endpoints. */
package dev.darkroom.falsim.auth;
