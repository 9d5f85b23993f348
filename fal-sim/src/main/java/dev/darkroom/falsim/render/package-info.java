/**
 * Output rendering: seed-determined PNG/JPEG/SVG images of exactly the planned size, H.264 MP4 videos of exactly the
 * requested length, and the output JSON of each model family.
 */
package dev.darkroom.falsim.render;
