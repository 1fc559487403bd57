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
 * JUnit XML, for CI systems that show test reports: one test case per file, failing with one
 * failure element per error (warnings and infos go to system-out).
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
    int failures = 0;
    for (List<Diagnostic> ds : byFile.values()) {
      if (ds.stream().anyMatch(d -> d.severity() == Severity.ERROR)) {
        failures++;
      }
    }
    out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    out.println(
        "<testsuites name=\"gwc\" tests=\"" + byFile.size() + "\" failures=\"" + failures + "\">");
    out.println(
        "  <testsuite name=\"gwc validate\" tests=\""
            + byFile.size()
            + "\" failures=\""
            + failures
            + "\" errors=\"0\">");
    for (Map.Entry<String, List<Diagnostic>> e : byFile.entrySet()) {
      out.println("    <testcase classname=\"gwc.validate\" name=\"" + xml(e.getKey()) + "\">");
      StringBuilder other = new StringBuilder();
      for (Diagnostic d : e.getValue()) {
        String line = TextRenderer.header(d);
        if (d.severity() == Severity.ERROR) {
          out.println(
              "      <failure type=\""
                  + xml(d.rule())
                  + "\" message=\""
                  + xml(d.message())
                  + "\">"
                  + xml(line)
                  + "</failure>");
        } else {
          other.append(line).append('\n');
        }
      }
      if (other.length() > 0) {
        out.println("      <system-out>" + xml(other.toString()) + "</system-out>");
      }
      out.println("    </testcase>");
    }
    out.println("  </testsuite>");
    out.println("</testsuites>");
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
