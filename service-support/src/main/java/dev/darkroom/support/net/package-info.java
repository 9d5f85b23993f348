/** Safety for outgoing requests to URLs tenants supply. */
package dev.darkroom.support.net;
