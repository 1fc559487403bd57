package dev.gwc.output;

import dev.gwc.convert.Notification;
import dev.gwc.migrate.Comparison;
import dev.gwc.sim.Outcome;
import dev.gwc.sim.Result;
import dev.gwc.table.Request;
import java.util.Locale;

/** A {@link Comparison.Report} as readable text: one block per request that lands differently. */
public final class CompareText {
  private CompareText() {}

  public static String of(Comparison.Report report, String oldLabel, String newLabel) {
    StringBuilder sb = new StringBuilder();
    int width = Math.max(oldLabel.length(), newLabel.length());
    for (Comparison.Difference d : report.differences()) {
      Request q = d.probe().request();
      sb.append(q.method())
          .append(' ')
          .append(q.scheme())
          .append("://")
          .append(q.host())
          .append(q.pathAndQuery());
      q.headers()
          .entries()
          .forEach(
              h -> sb.append("  [").append(h.name()).append(": ").append(h.value()).append(']'));
      sb.append("  (").append(d.probe().origin()).append(")\n");
      line(sb, pad(oldLabel, width), d.old());
      line(sb, pad(newLabel, width), d.now());
      sb.append("  differs: ").append(String.join(", ", d.fields())).append('\n');
      for (Notification n : d.known()) {
        sb.append("  known: ")
            .append(n.span().file())
            .append(':')
            .append(n.span().line())
            .append(": ")
            .append(n.severity().name().toLowerCase(Locale.ROOT))
            .append(": ")
            .append(n.message())
            .append('\n');
      }
    }
    sb.append(report.requests())
        .append(" request(s) replayed: ")
        .append(report.differences().size())
        .append(" land differently");
    if (!report.differences().isEmpty()) {
      sb.append(" (").append(report.known()).append(" announced by a conversion notification)");
    }
    return sb.append('\n').toString();
  }

  private static void line(StringBuilder sb, String label, Result r) {
    sb.append("  ").append(label).append(": ").append(Outcome.of(r).display());
    if (r.route() != null) {
      Result.RouteHit h = r.route();
      sb.append("  via ")
          .append(h.kind())
          .append(' ')
          .append(h.namespace())
          .append('/')
          .append(h.name())
          .append(
              h.rule() < 0
                  ? " defaultBackend"
                  : " rule "
                      + h.rule()
                      + (h.kind().equals("Ingress") ? " path " : " match ")
                      + h.match());
    } else if (r.listener() == null) {
      sb.append("  (no listener)");
    } else {
      sb.append("  (no route)");
    }
    sb.append('\n');
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(width - s.length());
  }
}
