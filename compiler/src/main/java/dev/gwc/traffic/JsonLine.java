package dev.gwc.traffic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fast reader for the common shape of a request line: one JSON object of strings, integers,
 * objects and arrays. It declines (returns null) on anything else — booleans, nulls, fractions,
 * duplicate keys, unusual escapes, malformed text — and the caller then reads the line with the
 * YAML loader, which gives the same values and the error messages; so this class only changes how
 * fast well-formed lines are read.
 */
final class JsonLine {
  private final String s;
  private int i;

  private JsonLine(String s) {
    this.s = s;
  }

  /** The object of a line, or null when the fast reader declines it. */
  static Map<String, Object> read(String line) {
    JsonLine r = new JsonLine(line);
    Object v = r.value();
    r.space();
    return v instanceof Map<?, ?> && r.i == line.length() ? r.map : null;
  }

  // The outermost object, kept typed for read().
  private Map<String, Object> map;

  private Object value() {
    space();
    if (i >= s.length()) {
      return null;
    }
    char c = s.charAt(i);
    if (c == '{') {
      return object();
    } else if (c == '[') {
      return array();
    } else if (c == '"') {
      return string();
    } else if (c >= '0' && c <= '9') {
      return integer();
    }
    return null;
  }

  private Map<String, Object> object() {
    i++; // {
    Map<String, Object> out = new LinkedHashMap<>();
    if (map == null) {
      map = out;
    }
    space();
    if (i < s.length() && s.charAt(i) == '}') {
      i++;
      return out;
    }
    while (true) {
      space();
      if (i >= s.length() || s.charAt(i) != '"') {
        return null;
      }
      String key = string();
      space();
      if (key == null || i >= s.length() || s.charAt(i) != ':') {
        return null;
      }
      i++;
      Object v = value();
      if (v == null || out.put(key, v) != null) {
        return null;
      }
      space();
      if (i >= s.length()) {
        return null;
      }
      char c = s.charAt(i++);
      if (c == '}') {
        return out;
      } else if (c != ',') {
        return null;
      }
    }
  }

  private List<Object> array() {
    i++; // [
    List<Object> out = new ArrayList<>();
    space();
    if (i < s.length() && s.charAt(i) == ']') {
      i++;
      return out;
    }
    while (true) {
      Object v = value();
      if (v == null) {
        return null;
      }
      out.add(v);
      space();
      if (i >= s.length()) {
        return null;
      }
      char c = s.charAt(i++);
      if (c == ']') {
        return out;
      } else if (c != ',') {
        return null;
      }
    }
  }

  private String string() {
    int start = ++i; // "
    StringBuilder sb = null;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"') {
        String out = sb == null ? s.substring(start, i) : sb.append(s, start, i).toString();
        i++;
        return out;
      } else if (c < 0x20) {
        return null;
      } else if (c == '\\') {
        if (i + 1 >= s.length()) {
          return null;
        }
        if (sb == null) {
          sb = new StringBuilder();
        }
        sb.append(s, start, i);
        char e = s.charAt(i + 1);
        switch (e) {
          case '"', '\\', '/' -> sb.append(e);
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          default -> {
            return null;
          }
        }
        i += 2;
        start = i;
      } else {
        i++;
      }
    }
    return null;
  }

  private Object integer() {
    int start = i;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    int len = i - start;
    if (len > 9 || (len > 1 && s.charAt(start) == '0')) {
      return null;
    }
    if (i < s.length() && ".eE".indexOf(s.charAt(i)) >= 0) {
      return null;
    }
    return Long.parseLong(s, start, i, 10);
  }

  private void space() {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
  }
}
