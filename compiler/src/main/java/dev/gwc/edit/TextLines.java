package dev.gwc.edit;

import dev.gwc.source.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * A file's text as lines, each with its own line ending, so that lines can be inserted and removed
 * without touching the others.
 */
final class TextLines {
  private final List<String> lines = new ArrayList<>();

  /** The line ending new lines get: the file's first one, else LF. */
  final String newline;

  TextLines(String text) {
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    int lf = text.indexOf('\n');
    newline = lf > 0 && text.charAt(lf - 1) == '\r' ? "\r\n" : "\n";
  }

  /** Line {@code n} (1-based) without its line ending. */
  String line(int n) {
    String l = lines.get(n - 1);
    int end = l.length();
    while (end > 0 && (l.charAt(end - 1) == '\n' || l.charAt(end - 1) == '\r')) {
      end--;
    }
    return l.substring(0, end);
  }

  /**
   * The first character of a node's content ({@code [}, <code>{</code>, a quote...): at its span,
   * after a tag ({@code !!map}) or an anchor ({@code &a}) written before it on the line; NUL past
   * the end of the line.
   */
  char at(SourceSpan span) {
    String l = line(span.line());
    int i = contentIndex(l, span.column() - 1);
    return i < l.length() ? l.charAt(i) : '\0';
  }

  /** The 0-based index in {@code l} of the content of a node that starts at {@code i}. */
  static int contentIndex(String l, int i) {
    while (i < l.length() && (l.charAt(i) == '!' || l.charAt(i) == '&')) {
      while (i < l.length() && l.charAt(i) != ' ' && l.charAt(i) != '\t') {
        i++;
      }
      while (i < l.length() && (l.charAt(i) == ' ' || l.charAt(i) == '\t')) {
        i++;
      }
    }
    return i;
  }

  /** Leading spaces of line {@code n}. */
  int indent(int n) {
    String l = line(n);
    int i = 0;
    while (i < l.length() && l.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** Whether line {@code n} holds nothing but white space or a comment. */
  boolean blankOrComment(int n) {
    String t = line(n).strip();
    return t.isEmpty() || t.startsWith("#");
  }

  /** Whether line {@code n} ends a YAML document or starts the next one. */
  boolean documentMarker(int n) {
    String l = line(n);
    return l.startsWith("---") || l.startsWith("...");
  }

  /**
   * The last line of the list item whose dash is on line {@code first} at column {@code dash}: the
   * lines after it indented more than the dash (comments too: a {@code #} line in a block scalar is
   * text), up to the last one that is not blank.
   */
  int itemEnd(int first, int dash) {
    return end(first, dash, false);
  }

  /**
   * The last line of the map entry whose key is on line {@code first} at column {@code key}: the
   * lines indented more than the key, and the items of a list written at the key's own column
   * ({@code key:} then {@code - item}), up to the last one that is not blank (comments indented
   * more count).
   */
  int entryEnd(int first, int key) {
    return end(first, key, true);
  }

  private int end(int first, int indent, boolean dashesAtIndent) {
    int end = first;
    for (int n = first + 1; n <= lines.size(); n++) {
      if (documentMarker(n)) {
        break;
      }
      int i = indent(n);
      if (blankOrComment(n)) {
        if (i > indent && !line(n).isBlank()) {
          end = n; // indented under the item: its comment, or a line of its block scalar
        }
        continue;
      }
      boolean dash = line(n).startsWith("-", i);
      if (i < indent || (i == indent && !(dashesAtIndent && dash))) {
        break;
      }
      end = n;
    }
    return end;
  }

  /** Inserts lines (without line endings) after line {@code after} (0: at the start). */
  void insertAfter(int after, List<String> newLines) {
    List<String> withEndings = new ArrayList<>();
    for (String l : newLines) {
      withEndings.add(l + newline);
    }
    if (after > 0 && !lines.get(after - 1).endsWith("\n")) {
      lines.set(after - 1, lines.get(after - 1) + newline); // the file did not end with one
      String last = withEndings.remove(withEndings.size() - 1);
      withEndings.add(last.substring(0, last.length() - newline.length()));
    }
    lines.addAll(after, withEndings);
  }

  /** Removes lines {@code first} to {@code last}, both included. */
  void remove(int first, int last) {
    boolean endedWithout = last == lines.size() && !lines.get(last - 1).endsWith("\n");
    lines.subList(first - 1, last).clear();
    if (endedWithout && first > 1) {
      String l = lines.get(first - 2);
      lines.set(first - 2, l.substring(0, l.length() - newline.length()));
    }
  }

  /**
   * Replaces {@code old} where it is written, at 1-based {@code column} of line {@code n}; false
   * when the line does not hold it there.
   */
  boolean replace(int n, int column, String old, String replacement) {
    String l = lines.get(n - 1);
    int at = column - 1;
    if (at < 0 || !l.startsWith(old, at)) {
      return false;
    }
    lines.set(n - 1, l.substring(0, at) + replacement + l.substring(at + old.length()));
    return true;
  }

  /** The offset in {@link #text()} of 1-based {@code column} of line {@code n}. */
  int offset(int n, int column) {
    int offset = 0;
    for (int i = 0; i < n - 1; i++) {
      offset += lines.get(i).length();
    }
    return offset + column - 1;
  }

  /** Replaces the text from offset {@code from} to {@code to} (excluded), across lines. */
  void splice(int from, int to, String replacement) {
    String all = text();
    String edited = all.substring(0, from) + replacement + all.substring(to);
    lines.clear();
    lines.addAll(new TextLines(edited).lines);
  }

  String text() {
    return String.join("", lines);
  }
}
