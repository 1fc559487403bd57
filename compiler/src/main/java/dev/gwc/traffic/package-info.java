/**
 * Traffic around the simulator. Consumes request files (JSON Lines) and access logs (combined
 * format) and produces requests with their line numbers; replays them through a router on every
 * core ({@link dev.gwc.traffic.ReplayLoop}) into JSON lines and a {@link
 * dev.gwc.traffic.ReplaySummary}; checks results against a line's {@code "expect"} ({@link
 * dev.gwc.traffic.Expectations}).
 */
package dev.gwc.traffic;
