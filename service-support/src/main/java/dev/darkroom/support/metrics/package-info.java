/** What every service's metrics share: explicit histogram buckets for its timers. */
package dev.darkroom.support.metrics;
