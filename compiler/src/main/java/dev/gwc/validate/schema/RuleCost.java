package dev.gwc.validate.schema;

import dev.gwc.diag.Diagnostic;
import dev.gwc.diag.ResourceRef;
import dev.gwc.validate.cel.CelEngine;
import dev.gwc.validate.cel.RuleLoops;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules of a user's CRD that the API server refuses as too expensive. When a CRD is created, the
 * API server estimates each rule's cost from the schema: a loop over a list or map costs its
 * largest size (maxItems, maxProperties; without them, as many entries as fit in a request of 3
 * MiB), and a loop inside a loop multiplies. A rule estimated above 10,000,000 is refused.
 *
 * <p>This is a lower bound of that estimate: only nested loops count, and a list or map without a
 * bound counts 10,000 entries (the API server assumes far more), so a rule reported here is refused
 * by the API server too; some that it refuses are not reported.
 */
public final class RuleCost {
  private RuleCost() {}

  /** The API server's limit on one rule's estimated cost. */
  static final long LIMIT = 10_000_000L;

  /** The size counted for a list or map without maxItems or maxProperties. */
  static final long UNBOUNDED = 10_000L;

  /** A diagnostic on each rule of {@code root} (a version's schema) estimated above the limit. */
  public static List<Diagnostic> check(Schema root, CelEngine cel, String kind) {
    List<Diagnostic> out = new ArrayList<>();
    walk(root, cel, kind, out, 0);
    return out;
  }

  private static void walk(Schema s, CelEngine cel, String kind, List<Diagnostic> out, int depth) {
    if (s == null || depth > 100) {
      return;
    }
    for (CelRuleSpec rule : s.validations) {
      String why = tooExpensive(s, cel.loops(rule.rule()));
      if (why != null && rule.span() != null) {
        out.add(
            SchemaRules.CRD_INVALID.at(
                rule.span(),
                "CEL rule of "
                    + kind
                    + " is too expensive: the API server estimates its cost above its limit of"
                    + " 10,000,000 and refuses the CRD ("
                    + why
                    + "); bound the lists and maps it loops over with maxItems or maxProperties",
                ResourceRef.NONE,
                null));
      }
    }
    for (Schema p : s.properties.values()) {
      walk(p, cel, kind, out, depth + 1);
    }
    walk(s.additionalProperties, cel, kind, out, depth + 1);
    walk(s.items, cel, kind, out, depth + 1);
  }

  /** Why the loops cost more than the limit on {@code self}'s schema, or null. */
  private static String tooExpensive(Schema self, List<RuleLoops.Loop> loops) {
    int n = loops.size();
    Schema[] element = new Schema[n];
    String[] range = new String[n]; // what each loop iterates over, for the message
    long[] cost = new long[n];
    for (int i = 0; i < n; i++) {
      RuleLoops.Loop loop = loops.get(i);
      Schema over = null;
      String name = "a computed value";
      if (loop.path() != null) {
        over = loop.fromLoop() < 0 ? self : element[loop.fromLoop()];
        StringBuilder text =
            new StringBuilder(
                loop.fromLoop() < 0 ? "self" : "an item of " + range[loop.fromLoop()]);
        for (String field : loop.path()) {
          over = over == null ? null : field(over, field);
          text.append('.').append(field);
        }
        name = text.toString();
      }
      long size = 1;
      if (over != null && "array".equals(over.type)) {
        size = over.maxItems != null ? over.maxItems : UNBOUNDED;
        element[i] = over.items;
        name += over.maxItems != null ? " (maxItems " + over.maxItems + ")" : " (no maxItems)";
      } else if (over != null && "object".equals(over.type) && over.properties.isEmpty()) {
        size = over.maxProperties != null ? over.maxProperties : UNBOUNDED;
        name +=
            over.maxProperties != null
                ? " (maxProperties " + over.maxProperties + ")"
                : " (no maxProperties)";
      }
      range[i] = name;
      long outer = loop.parent() < 0 ? 1 : cost[loop.parent()];
      cost[i] = outer > Long.MAX_VALUE / size ? Long.MAX_VALUE : outer * size;
      if (cost[i] > LIMIT) {
        List<String> chain = new ArrayList<>();
        for (int k = i; k >= 0; k = loops.get(k).parent()) {
          chain.add("a loop over " + range[k]);
        }
        return String.join(" inside ", chain);
      }
    }
    return null;
  }

  private static Schema field(Schema s, String name) {
    Schema p = s.properties.get(name);
    return p != null ? p : s.additionalProperties;
  }
}
