/**
 * The plumbing under {@link dev.darkroom.falclient.FalClient}: one exchange with fal (headers, timeouts, error
 * mapping) and the retry loop around it. Public only because Java packages need it; the stable API is the root
 * package, {@code queue}, {@code storage}, {@code webhooks} and {@code errors}. {@link
 * dev.darkroom.falclient.http.RetrySettings} and {@link dev.darkroom.falclient.http.Sleeper} are configuration and
 * belong to the API, as does {@link dev.darkroom.falclient.http.HttpClients}, the no-redirect client every Darkroom
 * service builds its outgoing HTTP calls on.
 */
package dev.darkroom.falclient.http;
