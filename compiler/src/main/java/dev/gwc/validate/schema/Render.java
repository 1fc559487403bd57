package dev.gwc.validate.schema;

import java.util.List;

/** How values appear inside messages. */
final class Render {
  private Render() {}

  private static final int MAX = 80;

  static String value(Object v) {
    if (v instanceof String s) {
      String shown = s.length() > MAX ? s.substring(0, MAX) + "…" : s;
      return "'" + shown.replace("\n", "\\n") + "'";
    }
    if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
      return String.valueOf(d);
    }
    return String.valueOf(v);
  }

  /**
   * A value as the API server quotes it in field errors: strings in double quotes with {@code "}
   * and {@code \\} escaped, other values as they are.
   */
  static String quoted(Object v) {
    if (v instanceof String s) {
      String shown = s.length() > MAX ? s.substring(0, MAX) + "…" : s;
      return '"' + shown.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
    return value(v);
  }

  static String keyTuple(List<String> keys, List<?> values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < keys.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(keys.get(i))
          .append('=')
          .append(values.get(i) == null ? "<unset>" : value(values.get(i)));
    }
    return sb.toString();
  }

  static String list(List<Object> values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(value(values.get(i)));
    }
    return sb.toString();
  }
}
