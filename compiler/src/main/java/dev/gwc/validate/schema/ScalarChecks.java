package dev.gwc.validate.schema;

import dev.gwc.regex.Regex;
import dev.gwc.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;

/** The checks of a scalar value: enum, length, pattern, format and numeric bounds. */
final class ScalarChecks {
  private ScalarChecks() {}

  static void check(YScalar node, Schema s, FieldPath path, ValidationContext ctx) {
    Object v = node.value();
    if (s.enumValues != null && !s.enumValues.isEmpty() && !inEnum(v, s.enumValues)) {
      Schema exp =
          ctx.experimentalRoot == null ? null : Channels.find(ctx.experimentalRoot.get(), path);
      if (exp != null && exp.enumValues != null && inEnum(v, exp.enumValues)) {
        ctx.reportBlocking(
            SchemaRules.EXPERIMENTAL_ONLY,
            node.span(),
            "value "
                + Render.value(v)
                + " exists only in the experimental channel of "
                + ctx.release
                + "; validate with --channel experimental if the cluster runs the experimental CRDs",
            path);
      } else {
        ctx.reportBlocking(SchemaRules.SCHEMA, node.span(), enumMessage(node, s), path);
      }
    }
    if (v instanceof String str) {
      string(node, str, s, path, ctx);
    } else if (v instanceof Number num) {
      number(node, num, s, path, ctx);
    }
  }

  private static boolean inEnum(Object v, List<Object> values) {
    for (Object e : values) {
      if (e.equals(v)
          || (e instanceof Number a
              && v instanceof Number b
              && a.doubleValue() == b.doubleValue())) {
        return true;
      }
    }
    return false;
  }

  private static String enumMessage(YScalar node, Schema s) {
    Object v = node.value();
    StringBuilder sb =
        new StringBuilder("Unsupported value: ")
            .append(Render.quoted(v))
            .append(": supported values: ");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < s.enumValues.size(); i++) {
      Object e = s.enumValues.get(i);
      names.add(String.valueOf(e));
      sb.append(i == 0 ? "" : ", ").append(Render.quoted(e));
    }
    String suggestion = v instanceof String str ? Suggest.closest(str, names) : null;
    if (suggestion != null) {
      sb.append(" (did you mean '").append(suggestion).append("'?)");
    }
    appendCommentHint(sb, node);
    return sb.toString();
  }

  /** A '#' glued to a value is part of it: YAML starts a comment only after white space. */
  static void appendCommentHint(StringBuilder sb, YScalar node) {
    String t = node.text();
    int hash = t.indexOf('#');
    if (node.plain() && hash > 0 && !Character.isWhitespace(t.charAt(hash - 1))) {
      sb.append(" ('#' starts a comment only after a space, so '")
          .append(t.substring(hash))
          .append("' is part of the value)");
    }
  }

  private static void string(
      YScalar node, String str, Schema s, FieldPath path, ValidationContext ctx) {
    int len = str.codePointCount(0, str.length());
    if (s.minLength != null && len < s.minLength) {
      ctx.report(
          SchemaRules.SCHEMA,
          node.span(),
          "Invalid value: "
              + Render.quoted(str)
              + ": should be at least "
              + s.minLength
              + " chars long"
              + (len == 0 ? " (it is empty)" : ""),
          path);
    }
    if (s.maxLength != null && len > s.maxLength) {
      ctx.reportBlocking(
          SchemaRules.SCHEMA,
          node.span(),
          "Too long: may not be more than "
              + s.maxLength
              + (s.maxLength == 1 ? " byte" : " bytes")
              + " (it has "
              + len
              + " characters)",
          path);
    }
    Regex p = s.compiledPattern();
    if (p != null && !p.find(str)) {
      StringBuilder sb = new StringBuilder("Invalid value: ").append(Render.quoted(str));
      String hint = PatternHints.describe(s.pattern);
      if (hint != null && path.render().startsWith("metadata.")) {
        // The API server checks metadata itself and words it without the pattern.
        sb.append(": must be ").append(hint);
      } else {
        sb.append(": should match '").append(s.pattern).append("'");
        if (hint != null) {
          sb.append(" (expected ").append(hint).append(')');
        }
      }
      appendCommentHint(sb, node);
      ctx.report(SchemaRules.SCHEMA, node.span(), sb.toString(), path);
    }
    if (s.format != null) {
      String problem = Formats.check(s.format, str);
      if (problem != null) {
        ctx.report(SchemaRules.SCHEMA, node.span(), Render.value(str) + " " + problem, path);
      }
    }
  }

  private static void number(
      YScalar node, Number num, Schema s, FieldPath path, ValidationContext ctx) {
    double d = num.doubleValue();
    if (s.minimum != null && (s.exclusiveMinimum ? d <= s.minimum : d < s.minimum)) {
      ctx.report(
          SchemaRules.SCHEMA,
          node.span(),
          "Invalid value: "
              + Render.value(num)
              + ": should be greater than "
              + (s.exclusiveMinimum ? "" : "or equal to ")
              + bound(s.minimum),
          path);
    }
    if (s.maximum != null && (s.exclusiveMaximum ? d >= s.maximum : d > s.maximum)) {
      ctx.report(
          SchemaRules.SCHEMA,
          node.span(),
          "Invalid value: "
              + Render.value(num)
              + ": should be less than "
              + (s.exclusiveMaximum ? "" : "or equal to ")
              + bound(s.maximum),
          path);
    }
    if (s.multipleOf != null
        && s.multipleOf != 0
        && Math.abs(Math.IEEEremainder(d, s.multipleOf)) > 1e-9) {
      ctx.report(
          SchemaRules.SCHEMA,
          node.span(),
          "Invalid value: "
              + Render.value(num)
              + ": should be a multiple of "
              + bound(s.multipleOf),
          path);
    }
    if ("int32".equals(s.format)
        && num instanceof Long l
        && (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE)) {
      ctx.report(SchemaRules.SCHEMA, node.span(), "must fit in 32 bits, got " + l, path);
    }
  }

  private static String bound(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
