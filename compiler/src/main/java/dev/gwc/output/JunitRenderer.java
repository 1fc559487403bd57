package dev.gwc.output;

import dev.gwc.diag.Diagnostic;
import dev.gwc.diag.Severity;
import dev.gwc.pipeline.Report;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure): one test suite per
 * file, one test case per error or warning in it (named by line, column and rule; an error fails
 * it, a warning passes with its text as output), and one passing case for a file without findings.
 * Info notes go to the suite's output.
 */
final class JunitRenderer implements Renderer {
  @Override
  public void render(Report report, PrintWriter out) {
    Map<String, List<Diagnostic>> byFile = new TreeMap<>();
    for (String f : report.sources().keySet()) {
      byFile.put(f, new ArrayList<>());
    }
    for (Diagnostic d : report.diagnostics().all()) {
      byFile.computeIfAbsent(d.span().file(), k -> new ArrayList<>()).add(d);
    }
    int tests = 0;
    int failures = 0;
    for (List<Diagnostic> ds : byFile.values()) {
      tests += Math.max(1, cases(ds));
      failures += (int) ds.stream().filter(d -> d.severity() == Severity.ERROR).count();
    }
    out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    out.println(
        "<testsuites name=\"gwc validate\" tests=\""
            + tests
            + "\" failures=\""
            + failures
            + "\" errors=\"0\">");
    for (Map.Entry<String, List<Diagnostic>> e : byFile.entrySet()) {
      List<Diagnostic> ds = e.getValue();
      long fileFailures = ds.stream().filter(d -> d.severity() == Severity.ERROR).count();
      String file = xml(e.getKey());
      out.println(
          "  <testsuite name=\""
              + file
              + "\" tests=\""
              + Math.max(1, cases(ds))
              + "\" failures=\""
              + fileFailures
              + "\" errors=\"0\">");
      StringBuilder notes = new StringBuilder();
      for (Diagnostic d : ds) {
        if (d.severity() == Severity.INFO) {
          notes.append(TextRenderer.header(d)).append('\n');
          continue;
        }
        String name = d.span().line() + ":" + d.span().column() + " " + d.rule();
        out.print("    <testcase classname=\"" + file + "\" name=\"" + xml(name) + "\">");
        if (d.severity() == Severity.ERROR) {
          out.print(
              "<failure type=\""
                  + xml(d.rule())
                  + "\" message=\""
                  + xml(d.message())
                  + "\">"
                  + xml(TextRenderer.header(d))
                  + "</failure>");
        } else {
          out.print("<system-out>" + xml(TextRenderer.header(d)) + "</system-out>");
        }
        out.println("</testcase>");
      }
      if (cases(ds) == 0) {
        out.println("    <testcase classname=\"" + file + "\" name=\"valid\"/>");
      }
      if (notes.length() > 0) {
        out.println("    <system-out>" + xml(notes.toString()) + "</system-out>");
      }
      out.println("  </testsuite>");
    }
    out.println("</testsuites>");
  }

  /** The test cases of a file: its errors and warnings. */
  private static int cases(List<Diagnostic> ds) {
    return (int) ds.stream().filter(d -> d.severity() != Severity.INFO).count();
  }

  private static String xml(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            sb.append(' ');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
