/**
 * fal's queue API as values: endpoint ids and the URLs built from them, submit options, and what submit, status,
 * result and cancel answer. The calls themselves are on {@link dev.darkroom.falclient.FalClient}.
 */
package dev.darkroom.falclient.queue;
