package dev.gwc.yaml;

import dev.gwc.source.SourceSpan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a document that is plain JSON (ASCII, no tabs or carriage returns, no duplicate keys) into
 * the nodes snakeyaml-engine and {@link NodeConverter} would give, positions included, or gives up
 * so that the full path reads it and reports whatever is wrong. The bundled schemas are JSON, and
 * composing them with snakeyaml-engine was a quarter of a small run's start-up; JSON manifests take
 * the same path. YamlReadersTest compares the two readers on every bundled schema and manifest.
 */
final class JsonReader {
  private static final int MAX_DEPTH = 60;

  private static final Pattern NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

  private final String file;
  private final int document;
  private final int firstLine;
  private final char[] text;
  private int pos;
  private int line;
  private int lineStart;

  private JsonReader(String file, int document, int firstLine, String part) {
    this.file = file;
    this.document = document;
    this.firstLine = firstLine;
    this.text = part.toCharArray();
  }

  /**
   * The root of a document that is one JSON object or array, or null when the text needs the full
   * parser.
   *
   * @param firstLine the 0-based line of the part in its file
   */
  static YNode read(String file, int document, int firstLine, String part) {
    JsonReader r = new JsonReader(file, document, firstLine, part);
    try {
      for (char c : r.text) {
        if ((c < 0x20 || c > 0x7e) && c != '\n') {
          return null;
        }
      }
      r.skipSpace();
      if (r.pos >= r.text.length || (r.text[r.pos] != '{' && r.text[r.pos] != '[')) {
        return null;
      }
      YNode root = r.value(0);
      r.skipSpace();
      return r.pos == r.text.length ? root : null;
    } catch (BlockReader.GiveUp | IndexOutOfBoundsException | NumberFormatException e) {
      return null;
    }
  }

  private YNode value(int depth) {
    if (depth > MAX_DEPTH) {
      throw BlockReader.GIVE_UP;
    }
    SourceSpan span = span();
    char c = text[pos];
    switch (c) {
      case '{':
        return object(span, depth);
      case '[':
        return array(span, depth);
      case '"':
        String s = string();
        return new YScalar(span, s, s, false);
      default:
        int from = pos;
        while (pos < text.length && isPlain(text[pos])) {
          pos++;
        }
        if (pos == from) {
          throw BlockReader.GIVE_UP;
        }
        String plain = new String(text, from, pos - from);
        if (!isJsonLiteral(plain)) {
          throw BlockReader.GIVE_UP;
        }
        return new YScalar(span, ScalarResolver.resolvePlain(plain), plain, true);
    }
  }

  private YMap object(SourceSpan span, int depth) {
    pos++;
    List<YEntry> entries = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    skipSpace();
    if (text[pos] == '}') {
      pos++;
      return new YMap(span, entries);
    }
    while (true) {
      skipSpace();
      if (text[pos] != '"') {
        throw BlockReader.GIVE_UP;
      }
      SourceSpan keySpan = span();
      String key = string();
      if (!keys.add(key) || key.equals("<<")) {
        throw BlockReader.GIVE_UP; // duplicates and merge keys: the full path reports or merges
      }
      // YAML reads a key and its colon on one line, and a key of at most 1024 characters.
      while (text[pos] == ' ') {
        pos++;
      }
      if (key.length() > 1000) {
        throw BlockReader.GIVE_UP;
      }
      expect(':');
      skipSpace();
      YNode v = value(depth + 1);
      entries.add(new YEntry(new YScalar(keySpan, key, key, false), v));
      skipSpace();
      if (text[pos] == ',') {
        pos++;
        continue;
      }
      expect('}');
      return new YMap(span, entries);
    }
  }

  private YSeq array(SourceSpan span, int depth) {
    pos++;
    List<YNode> items = new ArrayList<>();
    skipSpace();
    if (text[pos] == ']') {
      pos++;
      return new YSeq(span, items);
    }
    while (true) {
      skipSpace();
      items.add(value(depth + 1));
      skipSpace();
      if (text[pos] == ',') {
        pos++;
        continue;
      }
      expect(']');
      return new YSeq(span, items);
    }
  }

  /** A double-quoted string with JSON's escapes; the position moves past the closing quote. */
  private String string() {
    pos++;
    int from = pos;
    while (text[pos] != '"' && text[pos] != '\\') {
      if (text[pos] == '\n') {
        throw BlockReader.GIVE_UP; // a line break in a string: YAML folds it, JSON forbids it
      }
      pos++;
    }
    if (text[pos] == '"') {
      return new String(text, from, pos++ - from);
    }
    StringBuilder sb = new StringBuilder().append(text, from, pos - from);
    while (text[pos] != '"') {
      char c = text[pos++];
      if (c == '\n') {
        throw BlockReader.GIVE_UP;
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = text[pos++];
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          int code = Integer.parseInt(new String(text, pos, 4), 16);
          pos += 4;
          sb.append((char) code);
        }
        default -> throw BlockReader.GIVE_UP;
      }
    }
    pos++;
    String s = sb.toString();
    for (int i = 0; i < s.length(); i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        throw BlockReader.GIVE_UP; // pairs and lone halves: the full path decides
      }
    }
    return s;
  }

  private static boolean isPlain(char c) {
    return c >= 'a' && c <= 'z'
        || c >= '0' && c <= '9'
        || c == '-'
        || c == '+'
        || c == '.'
        || c == 'E';
  }

  /** true, false, null or a number as JSON writes it. */
  private static boolean isJsonLiteral(String s) {
    return s.equals("true") || s.equals("false") || s.equals("null") || NUMBER.matcher(s).matches();
  }

  private void expect(char c) {
    if (text[pos] != c) {
      throw BlockReader.GIVE_UP;
    }
    pos++;
  }

  private void skipSpace() {
    while (pos < text.length && (text[pos] == ' ' || text[pos] == '\n')) {
      if (text[pos] == '\n') {
        line++;
        lineStart = pos + 1;
      }
      pos++;
    }
  }

  private SourceSpan span() {
    return new SourceSpan(file, document, firstLine + line + 1, pos - lineStart + 1);
  }
}
