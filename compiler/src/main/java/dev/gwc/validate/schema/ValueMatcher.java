package dev.gwc.validate.schema;

import dev.gwc.yaml.YNode;
import java.util.List;
import java.util.Map;

/**
 * The value validations of structural schemas: {@code allOf}, {@code anyOf}, {@code oneOf} and
 * {@code not}. In a structural schema these may only restate constraints of the enclosing schema,
 * so they are checked against the built value without reporting inside them.
 */
final class ValueMatcher {
  private ValueMatcher() {}

  static void check(YNode node, Object value, Schema s, FieldPath path, ValidationContext ctx) {
    // Index loops here: for-each allocates an iterator even over an empty list, under C1 for every
    // node validated.
    for (int i = 0; i < s.allOf.size(); i++) {
      if (!matches(value, s.allOf.get(i))) {
        ctx.report(
            SchemaRules.SCHEMA, node.span(), "does not satisfy every constraint of allOf", path);
      }
    }
    if (!s.anyOf.isEmpty() && s.anyOf.stream().noneMatch(sub -> matches(value, sub))) {
      ctx.report(
          SchemaRules.SCHEMA,
          node.span(),
          "does not satisfy any of the alternatives of anyOf" + hint(s.anyOf),
          path);
    }
    if (!s.oneOf.isEmpty()) {
      long n = s.oneOf.stream().filter(sub -> matches(value, sub)).count();
      if (n != 1) {
        ctx.report(
            SchemaRules.SCHEMA,
            node.span(),
            n == 0
                ? "does not satisfy any of the alternatives of oneOf"
                : "satisfies more than one alternative of oneOf",
            path);
      }
    }
    if (s.not != null && matches(value, s.not)) {
      ctx.report(SchemaRules.SCHEMA, node.span(), "must not satisfy the schema under 'not'", path);
    }
  }

  private static String hint(List<Schema> alternatives) {
    StringBuilder sb = new StringBuilder();
    for (Schema a : alternatives) {
      if (a.format != null) {
        sb.append(sb.length() == 0 ? " (expected " : " or ").append(a.format);
      }
    }
    return sb.length() == 0 ? "" : sb.append(')').toString();
  }

  /** Whether a plain value satisfies a (sub)schema, ignoring positions. */
  static boolean matches(Object v, Schema s) {
    if (s.type != null && !typeMatches(v, s.type)) {
      return false;
    }
    if (s.enumValues != null && !s.enumValues.isEmpty() && !s.enumValues.contains(v)) {
      return false;
    }
    if (v instanceof String str) {
      if (s.format != null && Formats.check(s.format, str) != null) {
        return false;
      }
      if (s.compiledPattern() != null && !s.compiledPattern().find(str)) {
        return false;
      }
      int len = str.codePointCount(0, str.length());
      if ((s.minLength != null && len < s.minLength)
          || (s.maxLength != null && len > s.maxLength)) {
        return false;
      }
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if ((s.minimum != null && d < s.minimum) || (s.maximum != null && d > s.maximum)) {
        return false;
      }
    }
    if (v instanceof Map<?, ?> map) {
      for (String r : s.required) {
        if (!map.containsKey(r)) {
          return false;
        }
      }
      for (Map.Entry<String, Schema> p : s.properties.entrySet()) {
        Object child = map.get(p.getKey());
        if (child != null && !matches(child, p.getValue())) {
          return false;
        }
      }
    }
    if (v instanceof List<?> list && s.items != null) {
      for (Object item : list) {
        if (!matches(item, s.items)) {
          return false;
        }
      }
    }
    for (int i = 0; i < s.allOf.size(); i++) {
      if (!matches(v, s.allOf.get(i))) {
        return false;
      }
    }
    if (!s.anyOf.isEmpty() && s.anyOf.stream().noneMatch(sub -> matches(v, sub))) {
      return false;
    }
    if (s.not != null && matches(v, s.not)) {
      return false;
    }
    return true;
  }

  private static boolean typeMatches(Object v, String type) {
    return switch (type) {
      case "object" -> v instanceof Map;
      case "array" -> v instanceof List;
      case "string" -> v instanceof String;
      case "integer" -> v instanceof Long;
      case "number" -> v instanceof Number;
      case "boolean" -> v instanceof Boolean;
      default -> true;
    };
  }
}
