package dev.gwc.output;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes plain values (maps, lists, strings, numbers, booleans) as JSON or as block-style YAML. The
 * YAML quotes every string that a YAML 1.1 reader (kubectl) would read as something else, so what
 * gwc writes is read back exactly.
 */
public final class Values {
  private Values() {}

  private static final Pattern PLAIN_SAFE = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./ :@=+-]*");
  private static final Pattern NUMBER_LIKE =
      Pattern.compile(
          "[-+]?[0-9._]+([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF|nan|NaN|NAN)|0[xXoObB][0-9a-fA-F_]+");
  private static final java.util.Set<String> RESERVED =
      java.util.Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null", "~");

  /** JSON on one line, for JSON Lines output. */
  public static String compactJson(Object value) {
    JsonWriter w = new JsonWriter(false);
    json(w, value);
    return w.toString();
  }

  /** Pretty JSON, two-space indent. */
  public static String json(Object value) {
    JsonWriter w = new JsonWriter(true);
    json(w, value);
    return w.toString();
  }

  private static void json(JsonWriter w, Object v) {
    if (v instanceof Map<?, ?> m) {
      w.beginObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        w.name(String.valueOf(e.getKey()));
        json(w, e.getValue());
      }
      w.endObject();
    } else if (v instanceof List<?> l) {
      w.beginArray();
      for (Object x : l) {
        json(w, x);
      }
      w.endArray();
    } else if (v instanceof Long || v instanceof Integer) {
      w.value(((Number) v).longValue());
    } else if (v instanceof Double d) {
      w.value(d);
    } else if (v instanceof Boolean b) {
      w.value(b);
    } else if (v == null || "null".equals(String.valueOf(v)) && !(v instanceof String)) {
      w.nullValue();
    } else {
      w.value(String.valueOf(v));
    }
  }

  /** Block-style YAML of a value (a map or list at the top). */
  public static String yaml(Object value) {
    StringBuilder sb = new StringBuilder();
    yaml(sb, value, 0, false);
    return sb.toString();
  }

  private static void yaml(StringBuilder sb, Object v, int indent, boolean inlineFirst) {
    if (v instanceof Map<?, ?> m && !m.isEmpty()) {
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(first && inlineFirst)) {
          sb.append("  ".repeat(indent));
        }
        first = false;
        sb.append(scalar(String.valueOf(e.getKey()))).append(':');
        child(sb, e.getValue(), indent + 1);
      }
    } else if (v instanceof List<?> l && !l.isEmpty()) {
      for (Object x : l) {
        sb.append("  ".repeat(indent)).append("- ");
        if (x instanceof Map<?, ?> xm && !xm.isEmpty()) {
          yaml(sb, x, indent + 1, true);
        } else if (x instanceof List<?> xl && !xl.isEmpty()) {
          sb.append('\n');
          yaml(sb, x, indent + 1, false);
        } else {
          sb.append(scalarValue(x)).append('\n');
        }
      }
    } else {
      sb.append(scalarValue(v)).append('\n');
    }
  }

  private static void child(StringBuilder sb, Object v, int indent) {
    if (v instanceof Map<?, ?> m && !m.isEmpty()) {
      sb.append('\n');
      yaml(sb, v, indent, false);
    } else if (v instanceof List<?> l && !l.isEmpty()) {
      sb.append('\n');
      yaml(
          sb, v, indent - 1, false); // lists sit at their key's indentation, as kubectl writes them
    } else {
      sb.append(' ').append(scalarValue(v)).append('\n');
    }
  }

  private static String scalarValue(Object v) {
    if (v instanceof Map<?, ?>) {
      return "{}";
    }
    if (v instanceof List<?>) {
      return "[]";
    }
    if (v == null || (!(v instanceof String) && "null".equals(String.valueOf(v)))) {
      return "null";
    }
    if (v instanceof String s) {
      return scalar(s);
    }
    return String.valueOf(v);
  }

  /** A string as YAML: plain when unambiguous, else double-quoted with JSON escapes. */
  static String scalar(String s) {
    boolean plain =
        !s.isEmpty()
            && PLAIN_SAFE.matcher(s).matches()
            && !s.endsWith(" ")
            && !s.endsWith(":")
            && !s.contains(": ")
            && !s.contains(" #")
            && !RESERVED.contains(s.toLowerCase(Locale.ROOT))
            && !NUMBER_LIKE.matcher(s).matches()
            && !s.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}.*");
    if (plain) {
      return s;
    }
    JsonWriter w = new JsonWriter(false);
    w.value(s);
    return w.toString();
  }
}
