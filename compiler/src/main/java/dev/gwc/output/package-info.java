/**
 * Renderers. Consume diagnostics, compiled sets, simulation results and migration differences, and
 * produce text, JSON, SARIF, GitHub annotations, JUnit XML, traces and bundle folders; they format
 * and never decide severity or exit codes.
 */
package dev.gwc.output;
