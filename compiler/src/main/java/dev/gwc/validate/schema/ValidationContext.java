package dev.gwc.validate.schema;

import dev.gwc.diag.Diagnostic;
import dev.gwc.diag.ResourceRef;
import dev.gwc.diag.Rule;
import dev.gwc.source.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the schema walk of one resource needs besides the tree: who it is, how to tell a field that
 * is experimental-only, which once-per-run notices were already given, and where findings go.
 */
final class ValidationContext {
  final ResourceRef resource;
  final Supplier<Schema> experimentalRoot;
  final String release;
  final Set<String> noticesGiven;
  final List<Diagnostic> diagnostics = new ArrayList<>();

  /** Type mismatches so far; CEL rules above one would only fail for the same reason. */
  int typeErrors;

  ValidationContext(
      ResourceRef resource,
      Supplier<Schema> experimentalRoot,
      String release,
      Set<String> noticesGiven) {
    this.resource = resource;
    this.experimentalRoot = experimentalRoot;
    this.release = release;
    this.noticesGiven = noticesGiven;
  }

  void report(Rule rule, SourceSpan span, String message, FieldPath path) {
    diagnostics.add(rule.at(span, message, resource, path.render()));
  }

  /** Whether a once-per-run notice with this key is new (and marks it given). */
  boolean firstTime(String key) {
    return noticesGiven.add(key);
  }
}
