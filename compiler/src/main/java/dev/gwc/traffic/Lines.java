package dev.gwc.traffic;

import dev.gwc.concurrent.Parallel;
import java.util.ArrayList;
import java.util.List;

/**
 * The non-blank lines of a request file, each read into an entry, in parallel (a replay file has a
 * hundred thousand lines) and in file order. The first bad line by number is the one reported, as a
 * serial reader would report it.
 */
final class Lines {
  private Lines() {}

  /** Reads one stripped, non-blank line; throws IllegalArgumentException when it is bad. */
  interface Reader<T> {
    T read(int number, String line);
  }

  /**
   * @throws IllegalArgumentException with {@code name:line: message} for the first bad line
   */
  static <T> List<T> read(String name, String text, Reader<T> reader) {
    List<int[]> spans = new ArrayList<>();
    int number = 0;
    for (int start = 0; start <= text.length(); ) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      number++;
      spans.add(new int[] {number, start, end});
      start = end + 1;
    }
    Object[] read = new Object[spans.size()];
    Parallel.forEach(
        read.length,
        i -> {
          int[] s = spans.get(i);
          String line = text.substring(s[1], s[2]).strip();
          if (line.isEmpty()) {
            return;
          }
          try {
            read[i] = reader.read(s[0], line);
          } catch (IllegalArgumentException e) {
            read[i] = e;
          }
        });
    List<T> out = new ArrayList<>(read.length);
    for (int i = 0; i < read.length; i++) {
      Object r = read[i];
      if (r instanceof IllegalArgumentException e) {
        throw new IllegalArgumentException(name + ":" + spans.get(i)[0] + ": " + e.getMessage(), e);
      }
      if (r != null) {
        @SuppressWarnings("unchecked")
        T t = (T) r;
        out.add(t);
      }
    }
    return out;
  }
}
