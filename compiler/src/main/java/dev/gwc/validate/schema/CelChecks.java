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

  /**
   * Evaluates the rules the walk met, in the order met, unless a blocking finding keeps them from
   * running; then it says once that they were not checked, as the API server does.
   */
  static void runAll(CelEngine cel, SourceSpan objectSpan, ValidationContext ctx) {
    boolean skippedAny = false;
    for (ValidationContext.PendingRules p : ctx.pendingRules) {
      skippedAny |= run(cel, p, ctx);
    }
    if (skippedAny) {
      ctx.report(
          SchemaRules.CEL_NOT_EVALUATED,
          objectSpan,
          "some validation rules were not checked because the object was invalid; correct the"
              + " existing errors to complete validation",
          FieldPath.ROOT);
    }
  }

  /** Runs one schema node's rules; returns whether a rule was held back by a blocking finding. */
  private static boolean run(
      CelEngine cel, ValidationContext.PendingRules p, ValidationContext ctx) {
    boolean skipped = false;
    for (CelRuleSpec spec : p.schema().validations) {
      CompiledRule rule = cel.compile(spec.rule());
      if (rule.compileError() != null) {
        continue; // reported once per CRD when it is loaded, not at every node
      }
      if (rule.needsOldSelf()) {
        if (ctx.firstTime("oldSelf:" + spec.rule())) {
          ctx.report(
              SchemaRules.CEL_SKIPPED,
              p.anchor(),
              "rule '"
                  + spec.rule()
                  + "' compares with the stored object (oldSelf) and only runs on"
                  + " update; skipped here and wherever else it applies",
              p.path());
        }
        continue;
      }
      if (ctx.celBlocked) {
        skipped = true;
        continue;
      }
      CompiledRule.Outcome outcome = rule.evaluate(p.value());
      if (outcome instanceof CompiledRule.Value v && Boolean.TRUE.equals(v.value())) {
        continue;
      }
      FieldPath at = p.path();
      SourceSpan span = p.anchor();
      if (spec.fieldPath() != null) {
        Located loc = locate(p.node(), p.path(), spec.fieldPath());
        at = loc.path;
        span = loc.span;
      }
      String message;
      if (outcome instanceof CompiledRule.Failure f) {
        // The API server's words, so that the message can be searched for.
        message = f.message() + " evaluating rule: " + ruleErrorString(spec);
      } else if (!(((CompiledRule.Value) outcome).value() instanceof Boolean)) {
        message = "rule '" + spec.rule() + "' did not evaluate to a boolean";
      } else {
        message = message(cel, spec, p.value());
      }
      ctx.report(SchemaRules.CEL, span, message, at);
    }
    return skipped;
  }

  /** How the API server names a rule in an error: its message, else its expression. */
  private static String ruleErrorString(CelRuleSpec spec) {
    return spec.message() != null && !spec.message().isBlank()
        ? spec.message().strip()
        : spec.rule().strip();
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
    return "failed rule: " + spec.rule().strip();
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
