package dev.gwc.validate.schema;

import dev.gwc.source.SourceSpan;
import dev.gwc.validate.cel.CelEngine;
import dev.gwc.validate.cel.CompiledRule;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YNode;
import dev.gwc.yaml.YSeq;

/** Evaluates the {@code x-kubernetes-validations} rules of one schema node on its value. */
final class CelChecks {
  private static final java.util.regex.Pattern FIELD_PATH_STEP =
      java.util.regex.Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_]*)|\\['([^']*)'\\]|\\[(\\d+)\\]");

  private CelChecks() {}

  static void run(
      CelEngine cel,
      YNode node,
      SourceSpan anchor,
      Object value,
      Schema s,
      FieldPath path,
      ValidationContext ctx,
      boolean subtreeHasErrors) {
    for (CelRuleSpec spec : s.validations) {
      CompiledRule rule = cel.compile(spec.rule());
      if (rule.compileError() != null) {
        continue; // reported once per CRD when it is loaded, not at every node
      }
      if (rule.needsOldSelf()) {
        if (ctx.firstTime("oldSelf:" + spec.rule())) {
          ctx.report(
              SchemaRules.CEL_SKIPPED,
              anchor,
              "rule '"
                  + spec.rule()
                  + "' compares with the stored object (oldSelf) and only runs on"
                  + " update; skipped here and wherever else it applies",
              path);
        }
        continue;
      }
      if (subtreeHasErrors) {
        continue;
      }
      CompiledRule.Outcome outcome = rule.evaluate(value);
      if (outcome instanceof CompiledRule.Value v && Boolean.TRUE.equals(v.value())) {
        continue;
      }
      FieldPath at = path;
      SourceSpan span = anchor;
      if (spec.fieldPath() != null) {
        Located loc = locate(node, path, spec.fieldPath());
        at = loc.path;
        span = loc.span;
      }
      String message;
      if (outcome instanceof CompiledRule.Failure f) {
        message = "rule '" + spec.rule() + "' could not be evaluated: " + f.message();
      } else if (!(((CompiledRule.Value) outcome).value() instanceof Boolean)) {
        message = "rule '" + spec.rule() + "' did not evaluate to a boolean";
      } else {
        message = message(cel, spec, value);
      }
      ctx.report(SchemaRules.CEL, span, message, at);
    }
  }

  private static String message(CelEngine cel, CelRuleSpec spec, Object value) {
    if (spec.messageExpression() != null) {
      CompiledRule m = cel.compile(spec.messageExpression());
      if (m.evaluate(value) instanceof CompiledRule.Value v
          && v.value() instanceof String s
          && !s.isBlank()) {
        return s;
      }
    }
    if (spec.message() != null && !spec.message().isBlank()) {
      return spec.message();
    }
    return "failed rule: " + spec.rule();
  }

  private record Located(FieldPath path, SourceSpan span) {}

  /**
   * Follows a rule's relative fieldPath ({@code .a.b}, {@code .a['b']}, {@code .a[0]}) in the tree.
   */
  private static Located locate(YNode node, FieldPath path, String fieldPath) {
    FieldPath p = path;
    YNode n = node;
    java.util.regex.Matcher m = FIELD_PATH_STEP.matcher(fieldPath);
    while (m.find()) {
      String field = m.group(1) != null ? m.group(1) : m.group(2);
      if (field != null) {
        p = p.child(field);
        n = n instanceof YMap map && map.get(field) != null ? map.get(field) : n;
      } else {
        int i = Integer.parseInt(m.group(3));
        p = p.index(i);
        n = n instanceof YSeq seq && i < seq.items().size() ? seq.items().get(i) : n;
      }
    }
    return new Located(p, n.span());
  }
}
