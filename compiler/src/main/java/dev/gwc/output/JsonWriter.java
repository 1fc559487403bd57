package dev.gwc.output;

/** A small streaming JSON writer with deterministic, two-space-indented output. */
public final class JsonWriter {
  private final StringBuilder sb = new StringBuilder(256);
  private final boolean pretty;
  private int depth;
  private boolean first = true;
  private boolean afterKey;

  public JsonWriter(boolean pretty) {
    this.pretty = pretty;
  }

  public JsonWriter beginObject() {
    value();
    sb.append('{');
    depth++;
    first = true;
    return this;
  }

  public JsonWriter endObject() {
    return end('}');
  }

  public JsonWriter beginArray() {
    value();
    sb.append('[');
    depth++;
    first = true;
    return this;
  }

  public JsonWriter endArray() {
    return end(']');
  }

  private JsonWriter end(char c) {
    depth--;
    if (!first) {
      newline();
    }
    sb.append(c);
    first = false;
    return this;
  }

  public JsonWriter name(String name) {
    separator();
    string(name);
    sb.append(pretty ? ": " : ":");
    afterKey = true;
    return this;
  }

  public JsonWriter value(String s) {
    value();
    if (s == null) {
      sb.append("null");
    } else {
      string(s);
    }
    return this;
  }

  public JsonWriter value(long n) {
    value();
    sb.append(n);
    return this;
  }

  public JsonWriter value(double n) {
    value();
    sb.append(n);
    return this;
  }

  public JsonWriter value(boolean b) {
    value();
    sb.append(b);
    return this;
  }

  public JsonWriter nullValue() {
    value();
    sb.append("null");
    return this;
  }

  /** A string field, or a null field when the value is null. */
  public JsonWriter field(String name, String value) {
    return name(name).value(value);
  }

  public JsonWriter field(String name, long value) {
    return name(name).value(value);
  }

  private void value() {
    if (afterKey) {
      afterKey = false;
      first = false;
      return;
    }
    separator();
  }

  private void separator() {
    if (!first) {
      sb.append(',');
    }
    if (depth > 0) {
      newline();
    }
    first = false;
  }

  private void newline() {
    if (pretty) {
      sb.append('\n');
      for (int i = 0; i < depth; i++) {
        sb.append("  ");
      }
    }
  }

  private void string(String s) {
    sb.append('"');
    int plain = 0;
    while (plain < s.length() && !escaped(s.charAt(plain))) {
      plain++;
    }
    if (plain == s.length()) {
      sb.append(s).append('"'); // one copy, where a range would be appended char by char
      return;
    }
    sb.append(s, 0, plain);
    for (int i = plain; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            sb.append("\\u").append(String.format(java.util.Locale.ROOT, "%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  private static boolean escaped(char c) {
    return c < 0x20 || c == '"' || c == '\\' || c == 0x2028 || c == 0x2029;
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
