package dev.gwc.traffic;

import java.util.List;
import java.util.Map;

/**
 * Compares an {@code expect} object with a result's JSON: every field the expectation names must be
 * equal (objects compared field by field, so any subset may be given; lists element by element).
 */
public final class Expectations {
  private Expectations() {}

  /**
   * The differences, one readable line each ({@code backend.name: expected 'a', got 'b'}); empty
   * when the result meets the expectation.
   */
  public static List<String> diff(Map<String, Object> expect, Map<String, Object> actual) {
    List<String> out = new java.util.ArrayList<>();
    compare("", expect, actual, out);
    return out;
  }

  private static void compare(String path, Object want, Object got, List<String> out) {
    if (want instanceof Map<?, ?> w) {
      if (!(got instanceof Map<?, ?> g)) {
        out.add(label(path) + "expected an object, got " + show(got));
        return;
      }
      for (Map.Entry<?, ?> e : w.entrySet()) {
        String key = String.valueOf(e.getKey());
        if (path.isEmpty() && !g.containsKey(key)) {
          out.add("'" + key + "' is not a field of the result");
          continue;
        }
        compare(path.isEmpty() ? key : path + "." + key, e.getValue(), g.get(key), out);
      }
    } else if (want instanceof List<?> w) {
      if (!(got instanceof List<?> g)) {
        out.add(label(path) + "expected a list, got " + show(got));
        return;
      }
      if (w.size() != g.size()) {
        out.add(label(path) + "expected " + show(w) + ", got " + show(g));
        return;
      }
      for (int i = 0; i < w.size(); i++) {
        compare(path + "[" + i + "]", w.get(i), g.get(i), out);
      }
    } else if (!same(want, got)) {
      out.add(label(path) + "expected " + show(want) + ", got " + show(got));
    }
  }

  private static boolean same(Object want, Object got) {
    if (want instanceof Number a && got instanceof Number b) {
      return a.doubleValue() == b.doubleValue();
    }
    return want == null ? got == null : want.equals(got);
  }

  private static String label(String path) {
    return path.isEmpty() ? "" : path + ": ";
  }

  private static String show(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return "'" + s + "'";
    }
    if (v instanceof Map || v instanceof List) {
      return dev.gwc.output.Values.compactJson(v);
    }
    return String.valueOf(v);
  }
}
