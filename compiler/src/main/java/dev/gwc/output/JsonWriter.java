package dev.gwc.output;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A small streaming JSON writer with deterministic, two-space-indented output, written as UTF-8
 * bytes ({@link #toBytes}) or text.
 */
public final class JsonWriter implements JsonSink {
  private byte[] buf = new byte[256];
  private int len;
  private final boolean pretty;
  private int depth;
  private boolean first = true;
  private boolean afterKey;

  public JsonWriter(boolean pretty) {
    this.pretty = pretty;
  }

  /** A writer whose buffer starts at {@code capacity} bytes: for output of a known typical size. */
  public JsonWriter(boolean pretty, int capacity) {
    this.pretty = pretty;
    this.buf = new byte[Math.max(16, capacity)];
  }

  @Override
  public JsonWriter beginObject() {
    value();
    put('{');
    depth++;
    first = true;
    return this;
  }

  @Override
  public JsonWriter endObject() {
    return end('}');
  }

  @Override
  public JsonWriter beginArray() {
    value();
    put('[');
    depth++;
    first = true;
    return this;
  }

  @Override
  public JsonWriter endArray() {
    return end(']');
  }

  private JsonWriter end(char c) {
    depth--;
    if (!first) {
      newline();
    }
    put(c);
    first = false;
    return this;
  }

  @Override
  public JsonWriter name(Key key) {
    separator();
    byte[] b = key.json();
    room(b.length + 2);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
    buf[len++] = ':';
    if (pretty) {
      buf[len++] = ' ';
    }
    afterKey = true;
    return this;
  }

  @Override
  public JsonWriter name(String name) {
    separator();
    string(name);
    put(':');
    if (pretty) {
      put(' ');
    }
    afterKey = true;
    return this;
  }

  @Override
  public JsonWriter value(String s) {
    value();
    if (s == null) {
      ascii("null");
    } else {
      string(s);
    }
    return this;
  }

  @Override
  public JsonWriter value(long n) {
    value();
    ascii(Long.toString(n));
    return this;
  }

  @Override
  public JsonWriter value(double n) {
    value();
    ascii(Double.toString(n));
    return this;
  }

  public JsonWriter value(boolean b) {
    value();
    ascii(b ? "true" : "false");
    return this;
  }

  @Override
  public JsonWriter nullValue() {
    value();
    ascii("null");
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
      put(',');
    }
    if (depth > 0) {
      newline();
    }
    first = false;
  }

  private void newline() {
    if (pretty) {
      room(1 + 2 * depth);
      buf[len++] = '\n';
      for (int i = 0; i < 2 * depth; i++) {
        buf[len++] = ' ';
      }
    }
  }

  // Printable ASCII that JSON takes as it is; '?' is left out because the ISO-8859-1 encoder
  // writes it for every character it cannot encode.
  private static final boolean[] VERBATIM = new boolean[128];

  static {
    for (int c = 0x20; c < 0x7f; c++) {
      VERBATIM[c] = c != '"' && c != '\\' && c != '?';
    }
  }

  /** Strings this long or longer are first tried as one bulk copy. */
  private static final int BULK = 24;

  private void string(String s) {
    int n = s.length();
    if (n >= BULK && verbatim(s)) {
      return;
    }
    room(n + 2);
    buf[len++] = '"';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        buf[len++] = (byte) c;
      } else {
        i = special(s, i, c);
        room(n - i + 1);
      }
    }
    buf[len++] = '"';
  }

  /**
   * Writes the string when it is printable ASCII without quotes or backslashes, as one copy of its
   * ISO-8859-1 bytes (a bulk copy and a scan of bytes run several times faster than a loop over
   * characters under the C1 compiler gwc runs with); returns false, writing nothing, otherwise.
   */
  private boolean verbatim(String s) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    boolean[] verbatim = VERBATIM;
    for (byte c : b) {
      if (c < 0 || !verbatim[c]) {
        return false;
      }
    }
    room(b.length + 2);
    buf[len++] = '"';
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
    buf[len++] = '"';
    return true;
  }

  /** Writes the character at i that needs escaping or more than one byte; returns the last used. */
  private int special(String s, int i, char c) {
    switch (c) {
      case '"' -> ascii("\\\"");
      case '\\' -> ascii("\\\\");
      case '\n' -> ascii("\\n");
      case '\r' -> ascii("\\r");
      case '\t' -> ascii("\\t");
      default -> {
        if (c < 0x20 || c == 0x2028 || c == 0x2029) {
          ascii(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
        } else if (c < 0x80) {
          put(c);
        } else if (c < 0x800) {
          room(2);
          buf[len++] = (byte) (0xc0 | c >> 6);
          buf[len++] = (byte) (0x80 | c & 0x3f);
        } else if (Character.isHighSurrogate(c)
            && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(i + 1));
          room(4);
          buf[len++] = (byte) (0xf0 | cp >> 18);
          buf[len++] = (byte) (0x80 | cp >> 12 & 0x3f);
          buf[len++] = (byte) (0x80 | cp >> 6 & 0x3f);
          buf[len++] = (byte) (0x80 | cp & 0x3f);
          return i + 1;
        } else if (Character.isSurrogate(c)) {
          put('?'); // an unpaired surrogate, as Java's UTF-8 encoder writes it
        } else {
          room(3);
          buf[len++] = (byte) (0xe0 | c >> 12);
          buf[len++] = (byte) (0x80 | c >> 6 & 0x3f);
          buf[len++] = (byte) (0x80 | c & 0x3f);
        }
      }
    }
    return i;
  }

  private void put(char c) {
    room(1);
    buf[len++] = (byte) c;
  }

  private void ascii(String s) {
    int n = s.length();
    room(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) s.charAt(i);
    }
  }

  /** Makes room for n more bytes. */
  private void room(int n) {
    if (len + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }
  }

  /** Empties the writer for another value, keeping its buffer. */
  public JsonWriter reset() {
    len = 0;
    depth = 0;
    first = true;
    afterKey = false;
    return this;
  }

  /** The JSON as UTF-8. */
  public byte[] toBytes() {
    return Arrays.copyOf(buf, len);
  }

  @Override
  public String toString() {
    return new String(buf, 0, len, StandardCharsets.UTF_8);
  }
}
