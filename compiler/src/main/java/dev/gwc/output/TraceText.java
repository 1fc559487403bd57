package dev.gwc.output;

import dev.gwc.sim.Result;
import dev.gwc.sim.Shares;
import dev.gwc.table.Request;
import java.util.List;
import java.util.Map;

/** A {@link Result} as readable text: the request, the trace, then the outcome. */
public final class TraceText {
  private TraceText() {}

  public static String of(Request req, Result r) {
    StringBuilder sb = new StringBuilder();
    sb.append(req.display());
    if (req.sni() != null) {
      sb.append(" (TLS server name ").append(req.sni()).append(')');
    }
    boolean istio = r.plane() == Result.Plane.ISTIO;
    if (r.gateway() != null && r.gateway().namespace() == null) {
      sb.append(istio ? "  ->  Istio ingress gateway " : "  ->  IngressClass ")
          .append(r.gateway().name());
    } else if (r.gateway() != null) {
      sb.append(istio ? "  ->  Istio Gateway " : "  ->  Gateway ")
          .append(r.gateway().namespace())
          .append('/')
          .append(r.gateway().name());
    }
    sb.append('\n');
    for (String line : r.trace()) {
      sb.append("  ").append(line).append('\n');
    }
    sb.append("status: ").append(r.status()).append('\n');
    if (r.route() != null) {
      Result.RouteHit h = r.route();
      sb.append("route: ")
          .append(h.kind())
          .append(' ')
          .append(h.namespace())
          .append('/')
          .append(h.name())
          .append(" rule ")
          .append(h.rule())
          .append(" match ")
          .append(h.match())
          .append('\n');
    }
    if (r.backend() != null) {
      sb.append("backend: ").append(r.backend().display()).append('\n');
    }
    if (r.backends().size() > 1) {
      for (Result.Share s : r.backends()) {
        sb.append("  ")
            .append(s.ref().display())
            .append(" weight ")
            .append(s.ref().weight())
            .append(" (")
            .append(Shares.percent(Math.round(s.share() * 1000) / 10.0))
            .append("%)\n");
      }
    }
    if (r.location() != null) {
      sb.append("location: ").append(r.location()).append('\n');
    }
    if (r.upstream() != null) {
      Result.Upstream u = r.upstream();
      sb.append("upstream: ")
          .append(u.method())
          .append(' ')
          .append(u.scheme())
          .append("://")
          .append(u.host())
          .append(u.path())
          .append('\n');
      headers(sb, u.headers().asMap());
    }
    Map<String, List<String>> response = r.response().asMap();
    if (!response.isEmpty()) {
      sb.append("response headers:\n");
      headers(sb, response);
    }
    for (Result.MirrorHit m : r.mirrors()) {
      sb.append("mirror: ")
          .append(m.ref().display())
          .append(" (")
          .append(Shares.percent(m.percent()))
          .append("%)\n");
    }
    return sb.toString();
  }

  private static void headers(StringBuilder sb, Map<String, List<String>> headers) {
    headers.forEach(
        (k, vs) -> vs.forEach(v -> sb.append("  ").append(k).append(": ").append(v).append('\n')));
  }

  /** The traces of one request at each data plane it went to, a blank line between. */
  public static String of(Request req, List<Result> results) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < results.size(); i++) {
      sb.append(i > 0 ? "\n" : "").append(of(req, results.get(i)));
    }
    return sb.toString();
  }
}
