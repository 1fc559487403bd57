package dev.gwc.yaml;

import dev.gwc.source.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Nodes made from plain values (maps, lists, strings, numbers, booleans, null) that no file holds,
 * such as the objects a conversion derives from an Ingress: every node stands at one span, the
 * place of what they were derived from, so that a finding about them points there.
 */
public final class PlainNodes {
  private PlainNodes() {}

  /**
   * The value as nodes at {@code at}. Strings are quoted scalars (never read as YAML 1.1 booleans),
   * whole numbers are Longs, as the loader reads them.
   *
   * @throws IllegalArgumentException for a value no YAML node can hold
   */
  public static YNode of(Object value, SourceSpan at) {
    if (value instanceof Map<?, ?> m) {
      List<YEntry> entries = new ArrayList<>(m.size());
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String key = String.valueOf(e.getKey());
        entries.add(new YEntry(new YScalar(at, key, key, true), of(e.getValue(), at)));
      }
      return new YMap(at, entries);
    }
    if (value instanceof List<?> l) {
      List<YNode> items = new ArrayList<>(l.size());
      for (Object item : l) {
        items.add(of(item, at));
      }
      return new YSeq(at, items);
    }
    if (value == null || value == YScalar.NULL) {
      return new YScalar(at, YScalar.NULL, "null", true);
    }
    if (value instanceof String s) {
      return new YScalar(at, s, s, false);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      long n = ((Number) value).longValue();
      return new YScalar(at, n, Long.toString(n), true);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return new YScalar(at, d, Double.toString(d), true);
    }
    if (value instanceof Boolean b) {
      return new YScalar(at, b, b.toString(), true);
    }
    throw new IllegalArgumentException("no YAML node holds a " + value.getClass().getName());
  }
}
