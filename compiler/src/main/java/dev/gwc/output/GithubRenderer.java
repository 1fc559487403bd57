package dev.gwc.output;

import dev.gwc.diag.Diagnostic;
import dev.gwc.pipeline.Report;
import java.io.PrintWriter;

/** GitHub Actions workflow commands, which show as annotations on the pull request's lines. */
final class GithubRenderer implements Renderer {
  @Override
  public void render(Report report, PrintWriter out) {
    for (Diagnostic d : report.diagnostics().all()) {
      StringBuilder sb =
          new StringBuilder("::")
              .append(Levels.github(d.severity()))
              .append(" file=")
              .append(property(d.span().file()));
      if (d.span().line() > 0) {
        sb.append(",line=").append(d.span().line());
        if (d.span().column() > 0) {
          sb.append(",col=").append(d.span().column());
        }
      }
      sb.append(",title=").append(property("gwc " + d.rule()));
      sb.append("::").append(data(d.message()));
      out.println(sb);
    }
    out.println(TextRenderer.summary(report));
  }

  private static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
