package dev.gwc.output;

import dev.gwc.diag.Diagnostic;
import dev.gwc.diag.Severity;
import dev.gwc.pipeline.Report;
import dev.gwc.source.SourceFile;
import dev.gwc.source.SourceSpan;
import java.io.PrintWriter;

/**
 * Compiler-style text: {@code file:line:col: error[rule]: message}, then the source line with a
 * caret under the column, and a summary line at the end.
 */
final class TextRenderer implements Renderer {
  private static final int MAX_SHOWN = 160;

  private final boolean verbose;

  /**
   * Creates the renderer.
   *
   * @param verbose whether info notes are shown; by default only their count is
   */
  TextRenderer(boolean verbose) {
    this.verbose = verbose;
  }

  @Override
  public void render(Report report, PrintWriter out) {
    for (Diagnostic d : report.diagnostics().all()) {
      if (!verbose && d.severity() == Severity.INFO) {
        continue;
      }
      out.println(header(d));
      SourceFile src = report.sources().get(d.span().file());
      if (src != null && d.span().hasLine()) {
        caret(out, src.line(d.span().line()), d.span().column());
      }
    }
    int notes = report.diagnostics().count(Severity.INFO);
    out.println(
        summary(report)
            + (verbose || notes == 0
                ? ""
                : "; " + notes + (notes == 1 ? " note" : " notes") + " (--verbose shows them)"));
  }

  static String header(Diagnostic d) {
    StringBuilder sb = new StringBuilder(location(d.span()));
    sb.append(": ")
        .append(d.severity().label())
        .append('[')
        .append(d.rule())
        .append("]: ")
        .append(d.message());
    return sb.toString();
  }

  static String location(SourceSpan s) {
    StringBuilder sb = new StringBuilder(s.file());
    if (s.line() > 0) {
      sb.append(':').append(s.line());
      if (s.column() > 0) {
        sb.append(':').append(s.column());
      }
    }
    return sb.toString();
  }

  private static void caret(PrintWriter out, String line, int column) {
    int index =
        column <= 0
            ? 0
            : line.offsetByCodePoints(
                0, Math.min(column - 1, line.codePointCount(0, line.length())));
    int from = 0;
    String shown = line;
    if (line.length() > MAX_SHOWN) {
      from = Math.max(0, Math.min(index - MAX_SHOWN / 2, line.length() - MAX_SHOWN));
      shown =
          (from > 0 ? "…" : "")
              + line.substring(from, Math.min(line.length(), from + MAX_SHOWN))
              + "…";
    }
    out.println(shown);
    if (column <= 0) {
      return;
    }
    StringBuilder pad = new StringBuilder();
    if (from > 0) {
      pad.append(' ');
    }
    for (int i = from; i < index; i++) {
      pad.append(line.charAt(i) == '\t' ? '\t' : ' ');
    }
    out.println(pad.append('^'));
  }

  static String summary(Report r) {
    int errors = r.diagnostics().count(Severity.ERROR);
    int warnings = r.diagnostics().count(Severity.WARNING);
    return plural(errors, "error")
        + ", "
        + plural(warnings, "warning")
        + " in "
        + plural(r.files(), "file")
        + " ("
        + plural(r.resources(), "resource")
        + ")";
  }

  private static String plural(int n, String word) {
    return n + " " + (n == 1 ? word : word + "s");
  }
}
