package dev.gwc.schemas;

import java.util.List;
import java.util.Map;

/**
 * Minimal JSON writer for the values snakeyaml-engine produces: compact, or one value per line (the
 * committed bundle, so that a new release shows as a readable diff).
 */
final class Json {
  private Json() {}

  /** One key or item per line, indented by one space per level. */
  static void writeLines(StringBuilder sb, Object value, int depth) {
    if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        sb.append(first ? "\n" : ",\n").append(" ".repeat(depth + 1));
        first = false;
        string(sb, String.valueOf(e.getKey()));
        sb.append(": ");
        writeLines(sb, e.getValue(), depth + 1);
      }
      sb.append('\n').append(" ".repeat(depth)).append('}');
    } else if (value instanceof List<?> list && !list.isEmpty()) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        sb.append(i == 0 ? "\n" : ",\n").append(" ".repeat(depth + 1));
        writeLines(sb, list.get(i), depth + 1);
      }
      sb.append('\n').append(" ".repeat(depth)).append(']');
    } else {
      write(sb, value);
    }
  }

  static void write(StringBuilder sb, Object value) {
    if (value == null) {
      sb.append("null");
    } else if (value instanceof Map<?, ?> map) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        string(sb, String.valueOf(e.getKey()));
        sb.append(':');
        write(sb, e.getValue());
      }
      sb.append('}');
    } else if (value instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        write(sb, list.get(i));
      }
      sb.append(']');
    } else if (value instanceof Boolean || value instanceof Number) {
      sb.append(value);
    } else {
      string(sb, value.toString());
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
