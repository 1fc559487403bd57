/**
 * Diagnostics as data. Consumes what a stage found and produces {@link dev.gwc.diag.Diagnostic}
 * records (rule id, severity, span, message, resource, field path) and sorted sets of them; rule
 * ids and their default severities are {@link dev.gwc.diag.Rule}s.
 */
package dev.gwc.diag;
