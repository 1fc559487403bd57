package dev.gwc.output;

import dev.gwc.pipeline.Report;
import java.io.PrintWriter;

/** Formats a report; it never decides severities or exit codes. */
public interface Renderer {
  void render(Report report, PrintWriter out);
}
