/**
 * Regular expressions with RE2 semantics (no input can drive a match into more than linear time),
 * and a fast path for the patterns Gateway API manifests and CRDs actually use: a position
 * automaton (Glushkov's construction) run with one 64-bit word as its set of states. Patterns
 * outside that subset run on re2j. Used by schema patterns, CEL's {@code matches()} and the
 * simulator's path, header and gRPC matches; below every pipeline stage.
 */
package dev.gwc.regex;
