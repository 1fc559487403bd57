package dev.gwc.graph;

import dev.gwc.yaml.YNode;
import dev.gwc.yaml.YScalar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks of header modifier filters that the CRD schema leaves to the implementation: the names
 * under {@code remove} (the schema has no pattern for them), header values a request cannot carry,
 * and one header named by more than one action of a filter ("Only one action for a given header
 * name is permitted", names compared without case). A rule with such a filter is invalid: a
 * conformant implementation drops it (PartiallyInvalid) or, when every rule is invalid, does not
 * accept the route (UnsupportedValue).
 */
final class HeaderFilters {
  private HeaderFilters() {}

  /** RFC 9110 token characters, the pattern the CRD gives header names under set and add. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$%&'*+\\-.^_`|~]+");

  /**
   * The first problem of the rule's header modifier filters (its own and its backendRefs'), or
   * null.
   *
   * @param rule the rule's node
   * @param rulePath its field path ({@code spec.rules[2]})
   */
  static Nodes.RuleProblem check(YNode rule, String rulePath) {
    Nodes.RuleProblem p = filters(rule, rulePath);
    List<YNode> refs = TreeFields.list(rule, "backendRefs");
    for (int b = 0; p == null && b < refs.size(); b++) {
      p = filters(refs.get(b), rulePath + ".backendRefs[" + b + "]");
    }
    return p;
  }

  private static Nodes.RuleProblem filters(YNode owner, String ownerPath) {
    List<YNode> filters = TreeFields.list(owner, "filters");
    for (int f = 0; f < filters.size(); f++) {
      for (String field : List.of("requestHeaderModifier", "responseHeaderModifier")) {
        YNode modifier = TreeFields.map(filters.get(f), field);
        if (modifier != null) {
          Nodes.RuleProblem p = modifier(modifier, ownerPath + ".filters[" + f + "]." + field);
          if (p != null) {
            return p;
          }
        }
      }
    }
    return null;
  }

  private static Nodes.RuleProblem modifier(YNode modifier, String path) {
    Map<String, String> actionOf = new HashMap<>();
    for (String action : List.of("set", "add", "remove")) {
      List<YNode> items = TreeFields.list(modifier, action);
      for (int i = 0; i < items.size(); i++) {
        YNode item = items.get(i);
        String at = path + "." + action + "[" + i + "]";
        YNode nameNode = action.equals("remove") ? item : fieldOr(item, "name");
        String name = nameNode instanceof YScalar s && s.value() instanceof String str ? str : null;
        if (name == null) {
          continue; // not a string: the schema stage reports it
        }
        if (action.equals("remove") && !TOKEN.matcher(name).matches()) {
          return problem(
              nameNode,
              at,
              "header name '"
                  + name
                  + "' under remove is not a valid header name (RFC 9110"
                  + " token characters only: no spaces, colons or control characters)");
        }
        String previous = actionOf.putIfAbsent(name.toLowerCase(Locale.ROOT), action);
        if (previous != null) {
          return problem(
              nameNode,
              at,
              "header '"
                  + name
                  + "' is named by "
                  + (previous.equals(action)
                      ? "two " + action + " entries"
                      : previous + " and " + action)
                  + " of one filter (names compare without case); only one action per header is"
                  + " permitted");
        }
        if (!action.equals("remove")) {
          YNode valueNode = fieldOr(item, "value");
          if (valueNode instanceof YScalar v && v.value() instanceof String value) {
            String why = invalidValue(value);
            if (why != null) {
              return problem(valueNode, at + ".value", "the value of header '" + name + "' " + why);
            }
          }
        }
      }
    }
    return null;
  }

  /**
   * Why a header field value cannot be sent (RFC 9110 field-value: no control characters but tab,
   * no leading or trailing white space), or null.
   */
  static String invalidValue(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        return String.format(
            Locale.ROOT,
            "contains the control character U+%04X, which no header value may carry",
            (int) c);
      }
    }
    if (!value.isEmpty()
        && (isSpace(value.charAt(0)) || isSpace(value.charAt(value.length() - 1)))) {
      return "begins or ends with white space, which a header value may not";
    }
    return null;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }

  private static YNode fieldOr(YNode item, String key) {
    return item instanceof dev.gwc.yaml.YMap m ? m.get(key) : null;
  }

  private static Nodes.RuleProblem problem(YNode node, String path, String message) {
    return new Nodes.RuleProblem(message, TreeFields.anchor(node), path);
  }
}
