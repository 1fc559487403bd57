package dev.gwc.istio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A VirtualService's {@code http[]} rules with delegation resolved: a rule with {@code delegate}
 * stands for the {@code http[]} rules of the delegate VirtualService, in their order, each taking
 * the root rule's match merged with its own (facts from the Istio reference for VirtualService
 * {@code delegate} and the delegate guide: one level of delegation; the delegate's match must lie
 * inside the root's — a uri within the root's prefix, headers and parameters added, other
 * conditions equal — and a delegate rule whose match conflicts with the root's is not used). Works
 * on plain values so that routing and conversion read one flattening.
 */
public final class IstioDelegates {
  private IstioDelegates() {}

  /**
   * One effective {@code http[]} rule.
   *
   * @param rootIndex the index of the rule in the root VirtualService
   * @param rule the rule's plain value (for a delegated rule: the delegate's, with merged match)
   * @param namespace the namespace its destinations' short names resolve in
   * @param via {@code ns/name http[j]} for a rule taken from a delegate, null otherwise
   */
  public record FlatRule(int rootIndex, Map<?, ?> rule, String namespace, String via) {
    /** {@code http[2]}, or {@code http[2] -> ns/name http[0]} for a delegated rule. */
    public String label() {
      return "http[" + rootIndex + "]" + (via == null ? "" : " -> " + via);
    }
  }

  /** The {@code ns/name} a rule delegates to, or null when it does not. */
  public static String delegateOf(Map<?, ?> rule, String namespace) {
    if (!(rule.get("delegate") instanceof Map<?, ?> d) || d.get("name") == null) {
      return null;
    }
    Object ns = d.get("namespace");
    return (ns == null ? namespace : String.valueOf(ns)) + "/" + d.get("name");
  }

  /**
   * The effective rules of a VirtualService of {@code namespace}.
   *
   * @param http its {@code http[]} list
   * @param specs the spec of a VirtualService by {@code ns/name}, or null when not in the input (a
   *     rule delegating to it then has no effect)
   */
  public static List<FlatRule> flatten(
      String namespace, List<?> http, Function<String, Map<?, ?>> specs) {
    List<FlatRule> out = new ArrayList<>();
    for (int i = 0; i < http.size(); i++) {
      Map<?, ?> rule = http.get(i) instanceof Map<?, ?> m ? m : Map.of();
      String target = delegateOf(rule, namespace);
      if (target == null) {
        out.add(new FlatRule(i, rule, namespace, null));
        continue;
      }
      Map<?, ?> spec = specs.apply(target);
      if (spec == null) {
        continue;
      }
      String targetNamespace = target.substring(0, target.indexOf('/'));
      List<?> delegated = spec.get("http") instanceof List<?> l ? l : List.of();
      for (int j = 0; j < delegated.size(); j++) {
        Map<?, ?> inner = delegated.get(j) instanceof Map<?, ?> m ? m : Map.of();
        List<Map<String, Object>> merged = mergeMatches(rule.get("match"), inner.get("match"));
        if (merged == null) {
          continue;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        inner.forEach((k, v) -> copy.put(String.valueOf(k), v));
        copy.remove("match");
        if (!merged.isEmpty()) {
          copy.put("match", merged);
        }
        out.add(new FlatRule(i, copy, targetNamespace, target + " http[" + j + "]"));
      }
    }
    return out;
  }

  /**
   * The match blocks of a delegated rule: every pair of a root block and a delegate block that do
   * not conflict, merged; an empty list matches everything; null when every pair conflicts.
   */
  static List<Map<String, Object>> mergeMatches(Object root, Object delegate) {
    List<?> roots = root instanceof List<?> l ? l : List.of();
    List<?> inner = delegate instanceof List<?> l ? l : List.of();
    if (roots.isEmpty() && inner.isEmpty()) {
      return List.of();
    }
    List<?> outer = roots.isEmpty() ? List.of(Map.of()) : roots;
    List<?> own = inner.isEmpty() ? List.of(Map.of()) : inner;
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object r : outer) {
      for (Object d : own) {
        Map<String, Object> merged = merge(asMap(r), asMap(d));
        if (merged != null) {
          out.add(merged);
        }
      }
    }
    return out.isEmpty() ? null : out;
  }

  /** One root block and one delegate block as one block, or null when they conflict. */
  static Map<String, Object> merge(Map<?, ?> root, Map<?, ?> delegate) {
    Map<String, Object> out = new LinkedHashMap<>();
    root.forEach((k, v) -> out.put(String.valueOf(k), v));
    for (Map.Entry<?, ?> e : delegate.entrySet()) {
      String key = String.valueOf(e.getKey());
      Object mine = out.get(key);
      Object theirs = e.getValue();
      if (mine == null || key.equals("name")) {
        out.put(key, theirs);
      } else if (key.equals("uri")) {
        if (!uriWithin(asMap(mine), asMap(theirs))) {
          return null;
        }
        out.put(key, theirs);
      } else if (key.equals("headers")
          || key.equals("queryParams")
          || key.equals("withoutHeaders")) {
        Map<String, Object> conditions = new LinkedHashMap<>();
        asMap(mine).forEach((k, v) -> conditions.put(String.valueOf(k), v));
        for (Map.Entry<?, ?> c : asMap(theirs).entrySet()) {
          Object before = conditions.put(String.valueOf(c.getKey()), c.getValue());
          if (before != null && !before.equals(c.getValue())) {
            return null;
          }
        }
        out.put(key, conditions);
      } else if (!mine.equals(theirs)) {
        return null;
      }
    }
    return out;
  }

  /** Whether a delegate's uri condition lies inside the root's. */
  private static boolean uriWithin(Map<?, ?> root, Map<?, ?> delegate) {
    if (root.equals(delegate)) {
      return true;
    }
    Object prefix = root.get("prefix");
    if (prefix == null || delegate.get("regex") != null) {
      return false;
    }
    Object value = delegate.get("prefix") != null ? delegate.get("prefix") : delegate.get("exact");
    return value != null && String.valueOf(value).startsWith(String.valueOf(prefix));
  }

  private static Map<?, ?> asMap(Object o) {
    return o instanceof Map<?, ?> m ? m : Map.of();
  }
}
