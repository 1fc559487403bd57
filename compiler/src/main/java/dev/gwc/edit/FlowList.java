package dev.gwc.edit;

import dev.gwc.source.SourceSpan;
import dev.gwc.yaml.YEntry;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YNode;
import dev.gwc.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A flow-style list ({@code [a, b]}, on one line or over several, JSON included) located in the
 * text: where each item starts and ends and where the list closes. Appending writes the separator
 * the list already uses and the new item in flow style after the last item; removing deletes an
 * item with the separator before it (after it, for the first), so that one undoes the other byte
 * for byte. The last item removed leaves {@code []}.
 */
final class FlowList implements EditableList {
  private final TextLines text;
  private final List<YNode> items;
  private final boolean json;
  private final int open;
  private final int close;
  private final List<Integer> starts = new ArrayList<>();
  private final List<Integer> ends = new ArrayList<>();

  /** Whether the list under {@code entry} is written in flow style. */
  static boolean isFlow(TextLines text, YEntry entry) {
    return entry != null && entry.value() instanceof YSeq seq && text.at(seq.span()) == '[';
  }

  /**
   * @param what how to name the list in messages
   */
  FlowList(TextLines text, YEntry entry, String what) throws EditException {
    this.text = text;
    this.items = ((YSeq) entry.value()).items();
    this.json = text.at(entry.key().span()) == '"';
    String all = text.text();
    int line = entry.value().span().line();
    int bracket = TextLines.contentIndex(text.line(line), entry.value().span().column() - 1);
    this.open = text.offset(line, bracket + 1);
    this.close = scan(all);
    if (close < 0 || starts.size() != items.size()) {
      throw new EditException(
          entry.value().span().line(), what + ": could not find where its items start and end");
    }
  }

  @Override
  public List<YNode> items() {
    return items;
  }

  @Override
  public void append(Map<String, Object> item) {
    String written = written(item);
    int n = starts.size();
    if (n == 0) {
      text.splice(open + 1, open + 1, written);
    } else if (ownLineWithComma(n - 1)) {
      // One item a line, each with its comma: the new one gets a line of its own after the last.
      String all = text.text();
      int last = starts.get(n - 1);
      int lineStart = all.lastIndexOf('\n', last - 1) + 1;
      int next = all.indexOf('\n', ends.get(n - 1)) + 1;
      text.splice(next, next, all.substring(lineStart, last) + written + "," + text.newline);
    } else {
      text.splice(ends.get(n - 1), ends.get(n - 1), separator() + written);
    }
  }

  /**
   * The new item in flow style: on one line, or an entry a line when the first item is a map
   * written so (pretty-printed JSON), its keys and closing brace at the first item's columns.
   */
  private String written(Map<String, Object> item) {
    if (!items.isEmpty() && items.get(0) instanceof YMap first && !first.entries().isEmpty()) {
      String all = text.text();
      int close = ends.get(0) - 1;
      SourceSpan key = first.entries().get(0).key().span();
      if (all.charAt(close) == '}' && key.line() > first.span().line()) {
        int closeColumn = close - (all.lastIndexOf('\n', close) + 1);
        return Emitter.flowLines(item, json, key.column() - 1, closeColumn, text.newline);
      }
    }
    return Emitter.flow(item, json);
  }

  @Override
  public void remove(int index) {
    String all = text.text();
    int n = starts.size();
    if (ownLineWithComma(index) || (n == 1 && ownLine(index, ends.get(index)))) {
      int from = all.lastIndexOf('\n', starts.get(index) - 1) + 1;
      text.splice(from, all.indexOf('\n', ends.get(index)) + 1, "");
    } else if (n == 1) {
      // The only item goes with a comma after it: [a, ] leaves [ ], not [, ].
      int after = ends.get(0);
      while (after < close && (all.charAt(after) == ' ' || all.charAt(after) == '\t')) {
        after++;
      }
      text.splice(starts.get(0), all.charAt(after) == ',' ? after + 1 : ends.get(0), "");
    } else if (index > 0) {
      text.splice(ends.get(index - 1), ends.get(index), "");
    } else {
      text.splice(starts.get(0), starts.get(1), "");
    }
  }

  /** Whether item {@code i} is alone on its line, followed by its comma (and maybe a comment). */
  private boolean ownLineWithComma(int i) {
    String all = text.text();
    int after = ends.get(i);
    while (after < close && (all.charAt(after) == ' ' || all.charAt(after) == '\t')) {
      after++;
    }
    return after < close && all.charAt(after) == ',' && ownLine(i, after + 1);
  }

  /**
   * Whether item {@code i} starts its line and nothing but blanks or a comment follows {@code from}
   * up to the end of the line, inside the list.
   */
  private boolean ownLine(int i, int from) {
    String all = text.text();
    int lineStart = all.lastIndexOf('\n', starts.get(i) - 1) + 1;
    int lineEnd = all.indexOf('\n', from);
    if (lineStart <= open || lineEnd < 0 || lineEnd >= close) {
      return false;
    }
    String rest = all.substring(from, lineEnd).strip();
    return all.substring(lineStart, starts.get(i)).isBlank()
        && (rest.isEmpty() || rest.startsWith("#"));
  }

  /**
   * What goes before a new item: the separator between the last two items when it holds no comment,
   * else a comma and a space (one line) or a comma and the last item's line indentation.
   */
  private String separator() {
    String all = text.text();
    int n = starts.size();
    if (n >= 2) {
      String between = all.substring(ends.get(n - 2), starts.get(n - 1));
      if (!between.contains("#")) {
        return between;
      }
    }
    int lastStart = starts.get(n - 1);
    int lineStart = all.lastIndexOf('\n', lastStart - 1) + 1;
    if (lineStart <= open || all.lastIndexOf('\n', close) < open) {
      return ", ";
    }
    String indent = all.substring(lineStart, lastStart);
    return indent.isBlank() ? "," + text.newline + indent : ", ";
  }

  /**
   * Finds the items between {@code [} and its {@code ]}: quoted strings, nested brackets and
   * comments skipped. Returns the offset of the closing bracket, or -1.
   */
  private int scan(String s) {
    int depth = 0;
    int start = -1;
    int end = -1;
    int i = open + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      int skipped = skip(s, i);
      if (skipped > i) {
        if (c != '#') { // a quoted string is (part of) an item
          start = start < 0 ? i : start;
          end = skipped;
        }
        i = skipped;
        continue;
      }
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (depth == 0 && (c == ',' || c == ']')) {
        if (start >= 0) {
          starts.add(start);
          ends.add(end);
          start = -1;
        }
        if (c == ']') {
          return i;
        }
        i++;
        continue;
      }
      if (start < 0) {
        start = i;
      }
      if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        depth--;
      }
      i++;
      end = i;
    }
    return -1;
  }

  /**
   * The offset of the bracket that closes the one at {@code open} ({@code [} or <code>{</code>),
   * quoted strings and comments skipped; -1 when it is not closed.
   */
  static int closing(String s, int open) {
    int depth = 0;
    int i = open;
    while (i < s.length()) {
      char c = s.charAt(i);
      int skipped = skip(s, i);
      if (skipped > i) {
        i = skipped;
        continue;
      }
      if (c == '[' || c == '{') {
        depth++;
      } else if ((c == ']' || c == '}') && --depth == 0) {
        return i;
      }
      i++;
    }
    return -1;
  }

  /**
   * The offset after the quoted string or the comment that starts at {@code i}, or {@code i} when
   * none does.
   */
  private static int skip(String s, int i) {
    char c = s.charAt(i);
    if (c == '"' || c == '\'') {
      return afterQuoted(s, i);
    }
    if (c == '#' && i > 0 && Character.isWhitespace(s.charAt(i - 1))) {
      int lf = s.indexOf('\n', i);
      return lf < 0 ? s.length() : lf;
    }
    return i;
  }

  /** The offset after the quoted string that opens at {@code i}. */
  private static int afterQuoted(String s, int i) {
    char quote = s.charAt(i);
    int j = i + 1;
    while (j < s.length()) {
      char c = s.charAt(j);
      if (quote == '"' && c == '\\') {
        j += 2;
      } else if (c == quote && quote == '\'' && j + 1 < s.length() && s.charAt(j + 1) == '\'') {
        j += 2;
      } else if (c == quote) {
        return j + 1;
      } else {
        j++;
      }
    }
    return s.length();
  }
}
