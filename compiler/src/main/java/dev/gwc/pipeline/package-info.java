/**
 * The pipeline. Consumes inputs and options and runs the stages in order ({@link
 * dev.gwc.pipeline.Compiler}: files in parallel through YAML, resource and validate, then the graph
 * over the whole set), producing a {@link dev.gwc.pipeline.Report}: diagnostics, the compiled
 * resources and their resolution.
 */
package dev.gwc.pipeline;
