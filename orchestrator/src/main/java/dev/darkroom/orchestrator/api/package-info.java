/** HTTP plumbing every feature's API shares: cursor pagination and list pages. */
package dev.darkroom.orchestrator.api;
