/** The beans every service builds on: the clock domain code reads time from, and the model catalog. */
package dev.darkroom.support.catalog;
