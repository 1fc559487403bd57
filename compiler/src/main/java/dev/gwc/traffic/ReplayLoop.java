package dev.gwc.traffic;

import dev.gwc.concurrent.Parallel;
import dev.gwc.output.ResultJson;
import dev.gwc.output.Values;
import dev.gwc.sim.Result;
import dev.gwc.table.Request;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/** {@code simulate --requests}: a file's requests routed on every core, results in file order. */
public final class ReplayLoop {
  private static final int WINDOW = 8192;

  private ReplayLoop() {}

  /**
   * Routes each request with {@code route} (given the line's Gateway, or null, and the request) and
   * hands the results, as JSON lines (UTF-8, without the line break), to {@code out} in file order,
   * counting them in {@code summary}. Requests are routed, written and counted in parallel a window
   * at a time, so the output streams while memory stays bounded and the thread that writes it does
   * little else. A line that could not be read gives {@code {"error": "...", "line": N}} in its
   * place.
   */
  public static void lines(
      List<RequestFile.Entry> entries,
      ReplaySummary summary,
      Consumer<byte[]> out,
      BiFunction<String, Request, Result> route) {
    for (int from = 0; from < entries.size(); from += WINDOW) {
      int base = from;
      int size = Math.min(WINDOW, entries.size() - from);
      byte[][] lines = new byte[size][];
      Parallel.forEach(
          size,
          i -> {
            RequestFile.Entry e = entries.get(base + i);
            if (!e.readable()) {
              summary.addUnreadable();
              lines[i] = unreadable(e);
              return;
            }
            Result result = route.apply(e.gateway(), e.request());
            summary.add(result);
            lines[i] = ResultJson.bytes(result);
          });
      for (byte[] line : lines) {
        out.accept(line);
      }
    }
  }

  /** The result line of a request line that could not be read. */
  private static byte[] unreadable(RequestFile.Entry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", e.error());
    m.put("line", (long) e.line());
    return Values.compactJson(m).getBytes(StandardCharsets.UTF_8);
  }
}
