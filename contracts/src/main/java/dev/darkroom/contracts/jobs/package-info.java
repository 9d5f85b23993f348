/** The job lifecycle every service agrees on. */
package dev.darkroom.contracts.jobs;
