package dev.gwc.validate.schema;

import dev.gwc.diag.Diagnostic;
import dev.gwc.diag.ResourceRef;
import dev.gwc.diag.Rule;
import dev.gwc.source.SourceSpan;
import dev.gwc.yaml.YNode;
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

  /**
   * Whether a finding that blocks CEL was reported: as the API server does, no CEL rule of an
   * object runs once its schema validation found a missing required field, an unsupported enum
   * value, a value too long, too many items or properties, or a wrong type.
   */
  boolean celBlocked;

  /** The schema nodes with CEL rules met on the walk, evaluated once the walk is done. */
  final List<PendingRules> pendingRules = new ArrayList<>();

  /** A schema node's rules and the value they apply to. */
  record PendingRules(YNode node, SourceSpan anchor, Object value, Schema schema, FieldPath path) {}

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

  /** Reports a finding of a kind that keeps the object's CEL rules from running. */
  void reportBlocking(Rule rule, SourceSpan span, String message, FieldPath path) {
    report(rule, span, message, path);
    celBlocked = true;
  }

  /** Whether a once-per-run notice with this key is new (and marks it given). */
  boolean firstTime(String key) {
    return noticesGiven.add(key);
  }
}
