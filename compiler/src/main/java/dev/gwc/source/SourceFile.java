package dev.gwc.source;

import java.util.Arrays;

/**
 * The text of one input, with an index of line starts so that positions can be turned back into the
 * source line for a caret display.
 */
public final class SourceFile {
  private final String name;
  private final String text;
  private final int[] lineStarts;

  /**
   * Creates a source from its text.
   *
   * @param name the path as the user gave it, or {@code -}
   * @param text the whole decoded text
   */
  public SourceFile(String name, String text) {
    this.name = name;
    this.text = text;
    int[] starts = new int[16];
    int count = 0;
    starts[count++] = 0;
    // indexOf scans the bytes of a Latin-1 string: about twice as fast as charAt under C1.
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
      }
      starts[count++] = i + 1;
    }
    this.lineStarts = Arrays.copyOf(starts, count);
  }

  /** How many lines the text has (a final line break starts an empty last line). */
  public int lineCount() {
    return lineStarts.length;
  }

  /** Where the 0-based line starts in the text. */
  public int lineStart(int line) {
    return lineStarts[line];
  }

  public String name() {
    return name;
  }

  public String text() {
    return text;
  }

  /** The 1-based line's text without its line break, or empty when out of range. */
  public String line(int line) {
    if (line < 1 || line > lineStarts.length) {
      return "";
    }
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(start, end);
  }
}
