package dev.gwc.yaml;

import dev.gwc.diag.Diagnostic;
import dev.gwc.source.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the block-style YAML that Kubernetes manifests are written in, in one pass over the text,
 * about eight times faster than composing it with snakeyaml-engine: block mappings and sequences
 * (also compact {@code - key: value} items and sequences at their key's indentation), one-line
 * plain, single-quoted and double-quoted scalars, comments, empty flow collections.
 *
 * <p>Anything else (anchors, aliases, tags, block and multi-line scalars, non-empty flow
 * collections, tabs, carriage returns, complex keys, merge keys, directives, very deep nesting) and
 * anything malformed makes {@link #read} give up and return null: the caller then composes the text
 * with snakeyaml-engine, which also words the syntax errors. Where it does not give up, it builds
 * the same nodes, positions and duplicate-key diagnostics as that path (YamlReadersTest compares
 * the two on every manifest of the repository and on thousands of mutations of them).
 */
final class BlockReader {
  /** Deepest nesting read here; deeper documents go to snakeyaml-engine and its limits. */
  private static final int MAX_DEPTH = 60;

  /** snakeyaml-engine's longest simple key (longer ones are its errors). */
  private static final int MAX_KEY = 1000;

  /** Thrown to give up; carries no stack trace. */
  static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GiveUp() {
      super(null, null, false, false);
    }
  }

  static final GiveUp GIVE_UP = new GiveUp();

  /** What was read: the root node (null for a part with comments only) and its diagnostics. */
  record Read(YNode root, List<Diagnostic> diagnostics) {}

  private final String file;
  private final int document;
  private final int firstLine;
  private final char[] text;
  private final int n;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  // The current content line: where it starts and ends (at its '\n' or the end), its 0-based
  // number within the part, and the column of its first non-space character. start < 0 at the end.
  private int start;
  private int end;
  private int line;
  private int indent;

  private BlockReader(String file, int document, int firstLine, String part) {
    this.file = file;
    this.document = document;
    this.firstLine = firstLine;
    this.text = part.toCharArray();
    this.n = text.length;
  }

  /**
   * Reads one document (a part of the stream between {@code ---} lines, starting with its {@code
   * ---} line if any), or returns null when the text needs the full parser.
   *
   * @param firstLine the 0-based line of the part in its file
   */
  static Read read(String file, int document, int firstLine, String part) {
    BlockReader r = new BlockReader(file, document, firstLine, part);
    try {
      return r.document();
    } catch (GiveUp e) {
      return null;
    }
  }

  private Read document() {
    checkCharacters();
    line = -1;
    start = -1;
    end = -1;
    advance();
    if (start < 0) {
      return new Read(null, diagnostics);
    }
    if (indent == 0 && startsMarker(start)) {
      int after = skipSpaces(start + 3);
      if (!restIsEmpty(after)) {
        throw GIVE_UP;
      }
      advance();
      if (start < 0) {
        throw GIVE_UP; // an explicit empty document: snakeyaml-engine's null node
      }
    }
    YNode root = block(-1, 0);
    if (start >= 0) {
      throw GIVE_UP;
    }
    return new Read(root, diagnostics);
  }

  private void checkCharacters() {
    for (int i = 0; i < n; i++) {
      char c = text[i];
      if (c >= 0x20 && c <= 0x7e || c == '\n') {
        continue;
      }
      if (c < 0xa0
          || c == 0x2028
          || c == 0x2029
          || c >= 0xd800 && c < 0xe000
          || c == 0xfeff
          || c >= 0xfffe) {
        throw GIVE_UP;
      }
    }
  }

  private boolean startsMarker(int i) {
    if (i + 3 > n) {
      return false;
    }
    char a = text[i];
    if ((a != '-' && a != '.') || text[i + 1] != a || text[i + 2] != a) {
      return false;
    }
    return i + 3 == n || text[i + 3] == ' ' || text[i + 3] == '\n';
  }

  /** Moves to the next line with content (not blank, not only a comment). */
  private void advance() {
    int i = start < 0 && line < 0 ? 0 : end + 1;
    int lineNo = line + 1;
    while (i <= n) {
      if (i == n) {
        break;
      }
      int j = i;
      while (j < n && text[j] == ' ') {
        j++;
      }
      int e = j;
      while (e < n && text[e] != '\n') {
        e++;
      }
      if (j < e && text[j] != '#') {
        if (j == i && startsMarker(i)) {
          if (lineNo > 0 || text[i] == '.') {
            throw GIVE_UP; // a second document or an end marker inside one part
          }
        }
        start = i;
        end = e;
        line = lineNo;
        indent = j - i;
        return;
      }
      lineNo++;
      i = e + 1;
    }
    start = -1;
    end = n;
    line = lineNo;
    indent = -1;
  }

  private SourceSpan span(int lineNo, int column) {
    return new SourceSpan(file, document, firstLine + lineNo + 1, column + 1);
  }

  /** A block node on the current line, which is indented more than its parent. */
  private YNode block(int parentIndent, int depth) {
    if (depth > MAX_DEPTH || indent <= parentIndent) {
      throw GIVE_UP;
    }
    int at = start + indent;
    if (isEntry(at)) {
      return sequence(indent, depth);
    }
    return mapping(at, depth);
  }

  /** Whether a block sequence entry ({@code -} and a space or the end of the line) is at i. */
  private boolean isEntry(int i) {
    return text[i] == '-' && (i + 1 == end || text[i + 1] == ' ');
  }

  private YSeq sequence(int column, int depth) {
    if (depth > MAX_DEPTH) {
      throw GIVE_UP;
    }
    SourceSpan span = span(line, column);
    List<YNode> items = new ArrayList<>();
    while (start >= 0 && indent == column && isEntry(start + column)) {
      int dash = start + column;
      int entryLine = line;
      int v = skipSpaces(dash + 1);
      if (restIsEmpty(v)) {
        advance();
        if (start < 0 || indent <= column) {
          items.add(empty(entryLine, column + 1));
        } else {
          items.add(block(column, depth + 1));
        }
      } else if (isEntry(v)) {
        throw GIVE_UP; // "- - a": a compact nested sequence
      } else if (isKeyLine(v)) {
        items.add(mapping(v, depth + 1));
      } else {
        items.add(inlineValue(v));
        advance();
        if (start >= 0 && indent > column) {
          throw GIVE_UP; // a multi-line scalar or an error
        }
      }
    }
    if (start >= 0 && indent > column) {
      throw GIVE_UP;
    }
    return new YSeq(span, items);
  }

  /**
   * A block mapping whose first key is at text index {@code at} on the current line (its column is
   * the mapping's indentation; later keys start lines at that column).
   */
  private YMap mapping(int at, int depth) {
    if (depth > MAX_DEPTH) {
      throw GIVE_UP;
    }
    int column = at - start;
    SourceSpan span = span(line, column);
    MappingEntries entries = new MappingEntries();
    int k = at;
    while (true) {
      int keyLine = line;
      YScalar key;
      int colon;
      char c = text[k];
      if (c == '"' || c == '\'') {
        int close = close(k);
        String name = quoted(k, close);
        key = new YScalar(span(keyLine, k - start), name, name, false);
        colon = skipSpaces(close + 1);
        if (colon >= end || text[colon] != ':' || !separated(colon + 1)) {
          throw GIVE_UP;
        }
      } else {
        if (!plainStart(k)) {
          throw GIVE_UP;
        }
        colon = keyColon(k);
        if (colon < 0) {
          throw GIVE_UP;
        }
        int last = colon;
        while (text[last - 1] == ' ') {
          last--;
        }
        String name = string(k, last);
        if (name.equals("<<")) {
          throw GIVE_UP; // merge keys: the full path applies them
        }
        key = new YScalar(span(keyLine, k - start), name, name, true);
      }
      if (colon - k > MAX_KEY) {
        throw GIVE_UP;
      }
      YNode value;
      int afterColon = colon + 1 - start;
      int v = skipSpaces(colon + 1);
      if (restIsEmpty(v)) {
        advance();
        if (start < 0 || indent < column) {
          value = empty(keyLine, afterColon);
        } else if (indent == column) {
          value =
              isEntry(start + column) ? sequence(column, depth + 1) : empty(keyLine, afterColon);
        } else {
          value = block(column, depth + 1);
        }
      } else {
        if (isEntry(v) || isKeyLine(v)) {
          throw GIVE_UP; // "key: - a" and "key: a: b" are errors
        }
        value = inlineValue(v);
        advance();
        if (start >= 0 && indent > column) {
          throw GIVE_UP;
        }
      }
      entries.add(new YEntry(key, value), diagnostics);
      if (start < 0 || indent < column) {
        break;
      }
      if (indent > column) {
        throw GIVE_UP;
      }
      k = start + column;
      if (isEntry(k)) {
        break; // a sequence entry where a key belongs: the parent decides (or gives up)
      }
    }
    return new YMap(span, entries.list());
  }

  /** The null node of an absent value, positioned where snakeyaml-engine puts it. */
  private YScalar empty(int lineNo, int column) {
    return new YScalar(span(lineNo, column), YScalar.NULL, "", true);
  }

  /** A scalar or empty flow collection that is the rest of the line from index v. */
  private YNode inlineValue(int v) {
    char c = text[v];
    SourceSpan span = span(line, v - start);
    switch (c) {
      case '"', '\'' -> {
        int close = close(v);
        if (!restIsEmptyAfter(close + 1)) {
          throw GIVE_UP;
        }
        String s = quoted(v, close);
        return new YScalar(span, s, s, false);
      }
      case '{', '[' -> {
        char closing = c == '{' ? '}' : ']';
        if (v + 1 >= end || text[v + 1] != closing || !restIsEmptyAfter(v + 2)) {
          throw GIVE_UP;
        }
        return c == '{' ? new YMap(span, List.of()) : new YSeq(span, List.of());
      }
      default -> {
        if (!plainStart(v)) {
          throw GIVE_UP;
        }
        int e = v;
        while (e < end) {
          char x = text[e];
          if (x == '#' && text[e - 1] == ' ') {
            break;
          }
          if (x == ':' && (e + 1 == end || text[e + 1] == ' ')) {
            throw GIVE_UP;
          }
          e++;
        }
        while (text[e - 1] == ' ') {
          e--;
        }
        String s = string(v, e);
        return new YScalar(span, ScalarResolver.resolvePlain(s), s, true);
      }
    }
  }

  /**
   * The text from index {@code from} to {@code to}: the same String as the last time this thread
   * read these characters, when they are short. Manifests repeat their keys and many values
   * (apiVersion, kind, namespaces, path types) thousands of times; sharing the strings keeps large
   * inputs' trees smaller.
   */
  private String string(int from, int to) {
    int length = to - from;
    if (length > MAX_SHARED) {
      return new String(text, from, length);
    }
    int h = length;
    for (int i = from; i < to; i++) {
      h = 31 * h + text[i];
    }
    String[] shared = SHARED.get();
    int slot = (h ^ (h >>> 15)) & (shared.length - 1);
    String s = shared[slot];
    if (s != null && s.length() == length) {
      int i = 0;
      while (i < length && s.charAt(i) == text[from + i]) {
        i++;
      }
      if (i == length) {
        return s;
      }
    }
    s = new String(text, from, length);
    shared[slot] = s;
    return s;
  }

  private static final int MAX_SHARED = 48;

  /** Recently read short strings, per thread, by a hash of their characters. */
  private static final ThreadLocal<String[]> SHARED =
      ThreadLocal.withInitial(() -> new String[4096]);

  /** Whether a plain scalar may start at i (YAML's indicators may not, '-' only before text). */
  private boolean plainStart(int i) {
    char c = text[i];
    switch (c) {
      case '-':
        return i + 1 < end && text[i + 1] != ' ';
      case '?',
      ':',
      ',',
      '[',
      ']',
      '{',
      '}',
      '#',
      '&',
      '*',
      '!',
      '|',
      '>',
      '\'',
      '"',
      '%',
      '@',
      '`':
        return false;
      default:
        return true;
    }
  }

  /**
   * Whether the line from i holds a mapping key and its ':' (a quoted key followed by ':', or a
   * plain one with ':' and a space or the line's end before any comment).
   */
  private boolean isKeyLine(int i) {
    char c = text[i];
    if (c == '"' || c == '\'') {
      int close = close(i);
      int colon = skipSpaces(close + 1);
      return colon < end && text[colon] == ':' && separated(colon + 1);
    }
    return keyColon(i) >= 0;
  }

  /**
   * The index of the ':' ending a plain key that starts at k (followed by a space or the line's
   * end, before any comment), or -1.
   */
  private int keyColon(int k) {
    for (int e = k; e < end; e++) {
      char x = text[e];
      if (x == '#' && e > k && text[e - 1] == ' ') {
        return -1;
      }
      if (x == ':' && separated(e + 1)) {
        return e;
      }
    }
    return -1;
  }

  /** Whether index i ends the line or holds a space. */
  private boolean separated(int i) {
    return i >= end || text[i] == ' ';
  }

  private int skipSpaces(int i) {
    while (i < end && text[i] == ' ') {
      i++;
    }
    return i;
  }

  /** Whether nothing but a comment follows from i (which follows a space or the indicator). */
  private boolean restIsEmpty(int i) {
    return i >= end || text[i] == '#';
  }

  /** Whether nothing but spaces and then a space-separated comment follows from i. */
  private boolean restIsEmptyAfter(int i) {
    int j = skipSpaces(i);
    return j >= end || (text[j] == '#' && j > i);
  }

  /** The index of the quote closing the scalar quoted at i, on the same line. */
  private int close(int i) {
    return QuotedScalars.close(text, i, end);
  }

  /** The value of the quoted scalar from the quote at {@code open} to the one at {@code close}. */
  private String quoted(int open, int close) {
    String escaped = QuotedScalars.unescaped(text, open, close, end);
    return escaped != null ? escaped : string(open + 1, close);
  }
}
