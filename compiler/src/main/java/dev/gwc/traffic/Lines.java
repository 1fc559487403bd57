package dev.gwc.traffic;

import dev.gwc.concurrent.Parallel;
import java.util.ArrayList;
import java.util.List;

/**
 * The non-blank lines of a request file, each read into an entry, in parallel (a replay file has a
 * hundred thousand lines) and in file order. A line that cannot be read becomes an entry that says
 * why ({@link RequestFile.Entry#unreadable}), so that one bad line never stops a replay.
 */
final class Lines {
  private Lines() {}

  /** Reads one stripped, non-blank line; throws IllegalArgumentException when it is bad. */
  interface Reader {
    RequestFile.Entry read(int number, String line);
  }

  static List<RequestFile.Entry> read(String text, Reader reader) {
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
    RequestFile.Entry[] read = new RequestFile.Entry[spans.size()];
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
            read[i] = RequestFile.Entry.unreadable(s[0], e.getMessage());
          }
        });
    List<RequestFile.Entry> out = new ArrayList<>(read.length);
    for (RequestFile.Entry e : read) {
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }
}
