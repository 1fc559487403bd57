package dev.gwc.cli;

import dev.gwc.diag.Severity;
import dev.gwc.output.Format;
import dev.gwc.pipeline.Report;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Findings of a command whose standard output is something else (compile, simulate, serve). */
final class Findings {
  private Findings() {}

  /** Errors and warnings on standard error, in validate's text format (info notes counted only). */
  static void print(Report report, PrintWriter err) {
    if (!report.diagnostics().anyAtLeast(Severity.WARNING)) {
      return;
    }
    StringWriter text = new StringWriter();
    Format.TEXT.renderer(/* verbose= */ false).render(report, new PrintWriter(text));
    err.print(text);
    err.flush();
  }
}
