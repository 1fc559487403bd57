package dev.gwc.traffic;

import dev.gwc.concurrent.Parallel;
import dev.gwc.output.ResultJson;
import dev.gwc.sim.Result;
import dev.gwc.table.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Compares an {@code expect} object with a result's JSON: every field the expectation names must be
 * equal (objects compared field by field, so any subset may be given; lists element by element).
 */
public final class Expectations {
  private Expectations() {}

  /**
   * An expectation not met.
   *
   * @param line the line of the request file
   * @param request the request ({@code METHOD scheme://host:port/path}), or null when the line
   *     cannot be read
   * @param problems the differences, or why the line cannot be read
   */
  public record Failure(int line, String request, List<String> problems) {}

  /**
   * The outcome of a file of expectations.
   *
   * @param checked how many lines carried an expectation (or could not be read)
   * @param failures those not met, in file order
   */
  public record Outcome(int checked, List<Failure> failures) {
    /**
     * The report {@code --expect} prints: per failure {@code FILE:LINE: request} and its
     * differences indented (or why the line cannot be read), then {@code N of M expectations met}.
     */
    public String report(String file) {
      StringBuilder sb = new StringBuilder();
      for (Failure f : failures) {
        if (f.request() == null) {
          sb.append(file).append(':').append(f.line()).append(": ").append(f.problems().get(0));
          sb.append('\n');
        } else {
          sb.append(file)
              .append(':')
              .append(f.line())
              .append(": ")
              .append(f.request())
              .append('\n');
          f.problems().forEach(d -> sb.append("  ").append(d).append('\n'));
        }
      }
      sb.append(checked - failures.size()).append(" of ").append(checked);
      return sb.append(" expectations met\n").toString();
    }
  }

  /**
   * Routes every line that carries an {@code "expect"} object with {@code route} and compares, on
   * every core; a line that cannot be read fails. Failures come in file order.
   */
  public static Outcome check(
      List<RequestFile.Entry> entries, BiFunction<String, Request, Result> route) {
    List<?>[] diffs = new List<?>[entries.size()];
    Parallel.forEach(
        diffs.length,
        i -> {
          RequestFile.Entry e = entries.get(i);
          if (e.readable() && e.expect() != null) {
            diffs[i] = diff(e.expect(), ResultJson.of(route.apply(e.gateway(), e.request())));
          }
        });
    int checked = 0;
    List<Failure> failures = new ArrayList<>();
    for (int i = 0; i < diffs.length; i++) {
      RequestFile.Entry e = entries.get(i);
      if (!e.readable()) {
        checked++;
        failures.add(new Failure(e.line(), null, List.of("cannot read the line: " + e.error())));
      } else if (diffs[i] != null) {
        checked++;
        if (!diffs[i].isEmpty()) {
          List<String> problems = new ArrayList<>();
          diffs[i].forEach(d -> problems.add(String.valueOf(d)));
          failures.add(new Failure(e.line(), e.request().display(), problems));
        }
      }
    }
    return new Outcome(checked, failures);
  }

  /**
   * The differences, one readable line each ({@code backend.name: expected 'a', got 'b'}); empty
   * when the result meets the expectation.
   */
  public static List<String> diff(Map<String, Object> expect, Map<String, Object> actual) {
    List<String> out = new java.util.ArrayList<>();
    compare("", expect, actual, out);
    return out;
  }

  private static void compare(String path, Object want, Object got, List<String> out) {
    if (want instanceof Map<?, ?> w) {
      if (!(got instanceof Map<?, ?> g)) {
        out.add(label(path) + "expected an object, got " + show(got));
        return;
      }
      for (Map.Entry<?, ?> e : w.entrySet()) {
        String key = String.valueOf(e.getKey());
        if (path.isEmpty() && !g.containsKey(key)) {
          out.add("'" + key + "' is not a field of the result");
          continue;
        }
        compare(path.isEmpty() ? key : path + "." + key, e.getValue(), g.get(key), out);
      }
    } else if (want instanceof List<?> w) {
      if (!(got instanceof List<?> g)) {
        out.add(label(path) + "expected a list, got " + show(got));
        return;
      }
      if (w.size() != g.size()) {
        out.add(label(path) + "expected " + show(w) + ", got " + show(g));
        return;
      }
      for (int i = 0; i < w.size(); i++) {
        compare(path + "[" + i + "]", w.get(i), g.get(i), out);
      }
    } else if (!same(want, got)) {
      out.add(label(path) + "expected " + show(want) + ", got " + show(got));
    }
  }

  private static boolean same(Object want, Object got) {
    if (want instanceof Number a && got instanceof Number b) {
      return a.doubleValue() == b.doubleValue();
    }
    return want == null ? got == null : want.equals(got);
  }

  private static String label(String path) {
    return path.isEmpty() ? "" : path + ": ";
  }

  private static String show(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return "'" + s + "'";
    }
    if (v instanceof Map || v instanceof List) {
      return dev.gwc.output.Values.compactJson(v);
    }
    return String.valueOf(v);
  }
}
