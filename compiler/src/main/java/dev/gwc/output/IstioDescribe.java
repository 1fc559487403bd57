package dev.gwc.output;

import dev.gwc.table.GatewayId;
import dev.gwc.table.IstioRoutes;
import dev.gwc.table.IstioTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code gwc describe} for Istio: per ingress gateway (selector), each Istio Gateway's servers
 * (port, protocol, hosts, httpsRedirect) and under each server the VirtualServices bound to it with
 * their http rules in order: matches, then what the rule does.
 */
final class IstioDescribe {
  private IstioDescribe() {}

  static void render(IstioTable table, PrintWriter out) {
    for (IstioTable.SelectorTable t : table.selectors()) {
      out.println("Istio ingress gateway " + t.selector);
      GatewayId current = null;
      for (IstioTable.Server s : t.servers()) {
        if (!s.gateway().equals(current)) {
          current = s.gateway();
          out.println("  Gateway " + current.namespace() + "/" + current.name());
        }
        out.println(
            "    server "
                + s.index()
                + ": "
                + s.protocol()
                + " "
                + s.port()
                + (s.portName() == null ? "" : " (" + s.portName() + ")")
                + ", hosts "
                + String.join(", ", s.hosts())
                + (s.httpsRedirect() ? ", httpsRedirect" : ""));
        for (IstioRoutes.VirtualService vs : t.boundTo(s.gateway())) {
          List<String> served = new ArrayList<>();
          for (String h : vs.hosts()) {
            if (s.admits(vs.namespace(), h)) {
              served.add(h);
            }
          }
          if (served.isEmpty()) {
            continue;
          }
          out.println(
              "      VirtualService "
                  + vs.namespace()
                  + "/"
                  + vs.name()
                  + " (hosts "
                  + String.join(", ", served)
                  + ")");
          for (IstioRoutes.HttpRule r : vs.http()) {
            out.println("        " + r.label() + " " + matches(r) + " -> " + action(r));
          }
        }
      }
      out.println();
    }
  }

  private static String matches(IstioRoutes.HttpRule r) {
    if (r.matches().isEmpty()) {
      return "every request";
    }
    List<String> blocks = new ArrayList<>();
    for (IstioRoutes.MatchBlock m : r.matches()) {
      List<String> parts = new ArrayList<>();
      if (m.uri() != null) {
        parts.add("uri " + m.uri().describe() + (m.ignoreUriCase() ? " (any case)" : ""));
      }
      if (m.authority() != null) {
        parts.add("authority " + m.authority().describe());
      }
      if (m.method() != null) {
        parts.add("method " + m.method().describe());
      }
      m.headers().forEach((k, v) -> parts.add("header " + k + " " + v.describe()));
      m.withoutHeaders().forEach((k, v) -> parts.add("without header " + k + " " + v.describe()));
      m.queryParams().forEach((k, v) -> parts.add("query " + k + " " + v.describe()));
      if (m.port() != null) {
        parts.add("port " + m.port());
      }
      blocks.add(parts.isEmpty() ? "every request" : String.join(" and ", parts));
    }
    return String.join(" | ", blocks);
  }

  private static String action(IstioRoutes.HttpRule r) {
    if (r.redirect() != null) {
      IstioRoutes.Redirect d = r.redirect();
      return "redirect "
          + d.code()
          + (d.scheme() == null ? "" : " scheme " + d.scheme())
          + (d.authority() == null ? "" : " authority " + d.authority())
          + (d.uri() == null ? "" : " uri " + d.uri());
    }
    if (r.directResponse() != null) {
      return "direct response " + r.directResponse();
    }
    List<String> dests = new ArrayList<>();
    for (IstioRoutes.Destination d : r.route()) {
      dests.add(
          d.host()
              + (d.port() == null ? "" : ":" + d.port())
              + (d.subset() == null ? "" : " subset " + d.subset())
              + (r.route().size() > 1 ? " (weight " + d.weight() + ")" : ""));
    }
    return dests.isEmpty() ? "nothing (404)" : String.join(", ", dests);
  }
}
