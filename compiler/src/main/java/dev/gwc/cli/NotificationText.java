package dev.gwc.cli;

import dev.gwc.convert.Conversion;
import dev.gwc.convert.Notification;
import dev.gwc.diag.Severity;
import dev.gwc.source.SourceFile;
import java.io.PrintWriter;

/**
 * Conversion notifications as text: {@code file:line:col: warning: message (Ingress ns/name)}, the
 * source line with a caret, and a count at the end.
 */
final class NotificationText {
  private NotificationText() {}

  static void print(Conversion c, PrintWriter err) {
    for (Notification n : c.notifications()) {
      StringBuilder sb = new StringBuilder(n.span().file());
      if (n.span().hasLine()) {
        sb.append(':').append(n.span().line());
        if (n.span().column() > 0) {
          sb.append(':').append(n.span().column());
        }
      }
      sb.append(": ").append(n.severity().label()).append(": ").append(n.message());
      String about = n.resource().display();
      if (!about.isEmpty()) {
        sb.append(" (").append(about).append(')');
      }
      err.println(sb);
      SourceFile src = c.sources().get(n.span().file());
      if (src != null && n.span().hasLine()) {
        String line = src.line(n.span().line());
        err.println("  " + line);
        int col = Math.max(1, n.span().column());
        StringBuilder caret = new StringBuilder("  ");
        for (int i = 1; i < col && i <= line.length(); i++) {
          caret.append(line.charAt(i - 1) == '\t' ? '\t' : ' ');
        }
        err.println(caret.append('^'));
      }
    }
    if (!c.notifications().isEmpty()) {
      long errors = count(c, Severity.ERROR);
      long warnings = count(c, Severity.WARNING);
      long infos = count(c, Severity.INFO);
      err.println(
          c.notifications().size()
              + " notification(s): "
              + errors
              + " error(s), "
              + warnings
              + " warning(s), "
              + infos
              + " info");
    }
    err.flush();
  }

  private static long count(Conversion c, Severity s) {
    return c.notifications().stream().filter(n -> n.severity() == s).count();
  }
}
