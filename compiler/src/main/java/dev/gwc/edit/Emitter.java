package dev.gwc.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * YAML for the objects an edit adds, in block style (or flow style on one line, also as JSON): maps
 * in the order given, lists in the file's sequence style, scalars plain where that reads back as
 * the same string and double-quoted otherwise.
 */
final class Emitter {
  /** Plain scalars that read back as the same string (no YAML 1.1 booleans or numbers). */
  private static final Pattern SAFE_PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9._/-]*");

  private static final Pattern YAML11_WORD =
      Pattern.compile("(?i)y|n|yes|no|true|false|on|off|null|~");

  private final int sequenceOffset;

  /**
   * @param sequenceOffset how far a list's dashes sit right of the key that holds it (0: at the
   *     key's column, as in most Kubernetes examples; 2: indented)
   */
  Emitter(int sequenceOffset) {
    this.sequenceOffset = sequenceOffset;
  }

  /**
   * A list item: the dash at {@code dashColumn}, its map's keys at {@code dashColumn + 2}.
   *
   * @param item keys and values in the order they are written
   */
  List<String> item(Map<String, Object> item, int dashColumn) {
    return item(item, dashColumn, 2);
  }

  /** A list item whose keys sit {@code keyOffset} columns right of its dash. */
  List<String> item(Map<String, Object> item, int dashColumn, int keyOffset) {
    List<String> lines = map(item, dashColumn + keyOffset);
    String first = lines.get(0);
    lines.set(
        0,
        " ".repeat(dashColumn)
            + "-"
            + " ".repeat(keyOffset - 1)
            + first.substring(dashColumn + keyOffset));
    return lines;
  }

  /** A whole document: its top-level keys at column 0. */
  List<String> document(Map<String, Object> doc) {
    return map(doc, 0);
  }

  /** A key whose value is a list of maps, at {@code column}. */
  List<String> keyWithList(String key, List<Map<String, Object>> items, int column) {
    List<String> out = new ArrayList<>();
    out.add(" ".repeat(column) + key + ":");
    for (Map<String, Object> item : items) {
      out.addAll(item(item, column + sequenceOffset));
    }
    return out;
  }

  private List<String> map(Map<String, Object> m, int column) {
    List<String> out = new ArrayList<>();
    String pad = " ".repeat(column);
    for (Map.Entry<String, Object> e : m.entrySet()) {
      Object v = e.getValue();
      if (v instanceof Map<?, ?> child) {
        out.add(pad + e.getKey() + ":");
        out.addAll(map(cast(child), column + 2));
      } else if (v instanceof List<?> list) {
        out.add(pad + e.getKey() + ":");
        for (Object item : list) {
          if (item instanceof Map<?, ?> im) {
            out.addAll(item(cast(im), column + sequenceOffset));
          } else {
            out.add(" ".repeat(column + sequenceOffset) + "- " + scalar(item));
          }
        }
      } else {
        out.add(pad + e.getKey() + ": " + scalar(v));
      }
    }
    return out;
  }

  /**
   * A value in flow style on one line ({@code {name: a, port: 80}}); with {@code json}, keys and
   * strings double-quoted as JSON writes them.
   */
  static String flow(Object v, boolean json) {
    if (v instanceof Map<?, ?> m) {
      List<String> entries = new ArrayList<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String key = String.valueOf(e.getKey());
        entries.add((json ? quoted(key) : key) + ": " + flow(e.getValue(), json));
      }
      return "{" + String.join(", ", entries) + "}";
    }
    if (v instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      list.forEach(item -> items.add(flow(item, json)));
      return "[" + String.join(", ", items) + "]";
    }
    return json && !(v instanceof Number) ? quoted(String.valueOf(v)) : scalar(v);
  }

  /**
   * A map in flow style with an entry a line: the keys at {@code keyColumn}, the closing brace at
   * {@code closeColumn}, the values on one line each.
   */
  static String flowLines(
      Map<String, Object> m, boolean json, int keyColumn, int closeColumn, String newline) {
    StringBuilder sb = new StringBuilder("{").append(newline);
    int left = m.size();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      sb.append(" ".repeat(keyColumn))
          .append(json ? quoted(e.getKey()) : e.getKey())
          .append(": ")
          .append(flow(e.getValue(), json))
          .append(--left > 0 ? "," : "")
          .append(newline);
    }
    return sb.append(" ".repeat(closeColumn)).append('}').toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  /** A scalar as YAML: numbers as they are, strings plain when safe, else double-quoted. */
  static String scalar(Object v) {
    if (v instanceof Number n) {
      return n.toString();
    }
    String s = String.valueOf(v);
    if (SAFE_PLAIN.matcher(s).matches() && !YAML11_WORD.matcher(s).matches()) {
      return s;
    }
    return quoted(s);
  }

  /** A double-quoted string, escaped so that both YAML and JSON read it back the same. */
  private static String quoted(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
