package dev.gwc.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output for lines that are UTF-8 bytes already (replayed JSON results): written to the
 * byte stream under the command's writer when there is one, so that a hundred megabytes of JSON
 * skip the character encoder. What the writer holds is flushed before the first line, so a command
 * prints its lines after anything it printed with the writer (and not with the writer between
 * them). Like the writer, it stops quietly when the reader goes away ({@code gwc simulate ... |
 * head}).
 */
final class LineOutput {
  private final PrintWriter out;
  private final OutputStream stdout;
  private boolean closed;
  private boolean synced;

  /**
   * @param out the command's writer
   * @param stdout the byte stream the writer writes to, or null (lines then go through the writer)
   */
  LineOutput(PrintWriter out, OutputStream stdout) {
    this.out = out;
    this.stdout = stdout;
  }

  /** Writes one line (its bytes, then a line break). */
  void println(byte[] line) {
    if (stdout == null) {
      out.println(new String(line, StandardCharsets.UTF_8));
      return;
    }
    if (closed) {
      return;
    }
    if (!synced) {
      out.flush();
      synced = true;
    }
    try {
      stdout.write(line);
      stdout.write('\n');
    } catch (IOException e) {
      closed = true;
    }
  }
}
