package dev.gwc.output;

import dev.gwc.graph.Condition;
import dev.gwc.graph.Nodes.ListenerNode;
import dev.gwc.graph.Resolution;
import dev.gwc.pipeline.Report;
import dev.gwc.table.IstioTable;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YNode;
import dev.gwc.yaml.YScalar;
import dev.gwc.yaml.YSeq;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code gwc describe}: one table per Gateway (its listeners with port, protocol, hostname,
 * attached routes and conditions) and under each listener the routes attached to it with their
 * rules; routes that attach nowhere come last, with the reason. Istio's ingress gateways come first
 * ({@link IstioDescribe}).
 */
public final class DescribeRenderer implements Renderer {
  private final String gateway;

  /** Every Gateway. */
  public DescribeRenderer() {
    this(null);
  }

  /**
   * One Gateway.
   *
   * @param gateway {@code namespace/name}, or null for every Gateway (and Istio's and the ingress
   *     classes)
   */
  public DescribeRenderer(String gateway) {
    this.gateway = gateway;
  }

  /** Whether a route's parent result is about the Gateway shown (every one when all are). */
  private boolean mine(Resolution.ParentResult p) {
    return gateway == null
        || (p.gateway() != null
            && gateway.equals(p.gateway().namespace() + "/" + p.gateway().name()));
  }

  private boolean shown(Resolution.GatewayResult g) {
    return gateway == null || gateway.equals(g.node().namespace() + "/" + g.node().name());
  }

  @Override
  public void render(Report report, PrintWriter out) {
    Resolution r = report.resolution();
    IstioTable istio = IstioTable.build(report);
    if (r.gateways().isEmpty() && r.listenerSets().isEmpty() && istio.selectors().isEmpty()) {
      out.println("no Gateways in the input");
    }
    if (gateway == null) {
      IstioDescribe.render(istio, out);
    }
    for (Resolution.GatewayResult g : r.gateways()) {
      if (!shown(g)) {
        continue;
      }
      out.println(
          "Gateway "
              + g.node().namespace()
              + "/"
              + g.node().name()
              + " (class "
              + g.node().className()
              + ")  "
              + summary(g.conditions()));
      List<String> addresses = g.node().addresses();
      if (!addresses.isEmpty()) {
        out.println("  addresses: " + String.join(", ", addresses));
      }
      listeners(out, r, g.listeners(), "  ");
      for (Resolution.ListenerSetResult s : r.listenerSets()) {
        if (s.gateway() == g.node()) {
          listenerSet(out, r, s);
        }
      }
      out.println();
    }
    for (Resolution.ListenerSetResult s : r.listenerSets()) {
      if (s.gateway() == null && gateway == null) {
        out.println("Gateway " + s.node().parentRef().display() + " (not in the input)");
        listenerSet(out, r, s);
        out.println();
      }
    }
    List<String> unattached = new ArrayList<>();
    for (Resolution.RouteResult rr : r.routes()) {
      for (Resolution.ParentResult p : rr.parents()) {
        if (!p.accepted().isTrue() && mine(p)) {
          unattached.add(
              "  "
                  + rr.node().kind()
                  + " "
                  + rr.node().namespace()
                  + "/"
                  + rr.node().name()
                  + " -> "
                  + p.ref().display()
                  + (p.ref().sectionName() == null ? "" : " (" + p.ref().sectionName() + ")")
                  + ": "
                  + p.accepted().reason()
                  + ": "
                  + p.accepted().message());
        }
      }
    }
    if (!unattached.isEmpty()) {
      out.println("Not attached:");
      unattached.forEach(out::println);
    }
  }

  /**
   * The same view as data, for {@code --format json}: per Gateway its class, addresses, conditions
   * and listeners, each listener with the routes attached to it; then the parentRefs that did not
   * attach, with the reason.
   */
  public Map<String, Object> json(Report report) {
    Resolution r = report.resolution();
    List<Object> gateways = new ArrayList<>();
    for (Resolution.GatewayResult g : r.gateways()) {
      if (!shown(g)) {
        continue;
      }
      List<Object> listeners = new ArrayList<>();
      List<Resolution.ListenerResult> all = new ArrayList<>(g.listeners());
      for (Resolution.ListenerSetResult s : r.listenerSets()) {
        if (s.gateway() == g.node()) {
          all.addAll(s.listeners());
        }
      }
      for (Resolution.ListenerResult l : all) {
        ListenerNode n = l.node();
        List<Object> routes = new ArrayList<>();
        for (Resolution.RouteResult rr : r.routes()) {
          for (Resolution.ParentResult p : rr.parents()) {
            if (p.listeners().stream().anyMatch(x -> x == n)) {
              routes.add(
                  ordered(
                      "kind", rr.node().kind(),
                      "namespace", rr.node().namespace(),
                      "name", rr.node().name(),
                      "hostnames", rr.node().hostnames()));
            }
          }
        }
        listeners.add(
            ordered(
                "name", n.name(),
                "port", n.port(),
                "protocol", n.protocol(),
                "hostname", n.hostname(),
                "attachedRoutes", l.attachedRoutes(),
                "conditions", conditions(l.conditions()),
                "routes", routes));
      }
      gateways.add(
          ordered(
              "namespace", g.node().namespace(),
              "name", g.node().name(),
              "class", g.node().className(),
              "addresses", g.node().addresses(),
              "conditions", conditions(g.conditions()),
              "listeners", listeners));
    }
    List<Object> unattached = new ArrayList<>();
    for (Resolution.RouteResult rr : r.routes()) {
      for (Resolution.ParentResult p : rr.parents()) {
        if (!p.accepted().isTrue() && mine(p)) {
          unattached.add(
              ordered(
                  "kind", rr.node().kind(),
                  "namespace", rr.node().namespace(),
                  "name", rr.node().name(),
                  "parent", p.ref().display(),
                  "sectionName", p.ref().sectionName(),
                  "reason", p.accepted().reason(),
                  "message", p.accepted().message()));
        }
      }
    }
    return ordered("gateways", gateways, "notAttached", unattached);
  }

  private static List<Object> conditions(List<Condition> conditions) {
    List<Object> out = new ArrayList<>();
    for (Condition c : conditions) {
      out.add(
          ordered(
              "type",
              c.type(),
              "status",
              c.status(),
              "reason",
              c.reason(),
              "message",
              c.message()));
    }
    return out;
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      out.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return out;
  }

  private static void listenerSet(PrintWriter out, Resolution r, Resolution.ListenerSetResult s) {
    out.println(
        "  ListenerSet "
            + s.node().namespace()
            + "/"
            + s.node().name()
            + "  "
            + (s.conditions() == null ? "no status" : summary(s.conditions())));
    listeners(out, r, s.listeners(), "    ");
  }

  /** A table of listeners, then the routes attached to each. */
  private static void listeners(
      PrintWriter out, Resolution r, List<Resolution.ListenerResult> results, String indent) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"LISTENER", "PORT", "PROTOCOL", "HOSTNAME", "ROUTES", "CONDITIONS"});
    for (Resolution.ListenerResult l : results) {
      ListenerNode n = l.node();
      rows.add(
          new String[] {
            n.name(),
            String.valueOf(n.port()),
            n.protocol(),
            n.hostname() == null ? "*" : n.hostname(),
            String.valueOf(l.attachedRoutes()),
            summary(l.conditions())
          });
    }
    table(out, rows, indent);
    for (Resolution.ListenerResult l : results) {
      for (Resolution.RouteResult rr : r.routes()) {
        for (Resolution.ParentResult p : rr.parents()) {
          if (p.listeners().stream().anyMatch(x -> x == l.node())) {
            route(out, rr, l.node().name(), indent);
          }
        }
      }
    }
  }

  private static void route(
      PrintWriter out, Resolution.RouteResult rr, String listener, String indent) {
    YMap root = rr.node().manifest().root();
    out.println(
        indent
            + "["
            + listener
            + "] "
            + rr.node().kind()
            + " "
            + rr.node().namespace()
            + "/"
            + rr.node().name()
            + (rr.node().hostnames().isEmpty()
                ? ""
                : "  hostnames: " + String.join(", ", rr.node().hostnames())));
    YNode rules = root.get("spec") instanceof YMap spec ? spec.get("rules") : null;
    if (!(rules instanceof YSeq seq)) {
      return;
    }
    for (int i = 0; i < seq.items().size(); i++) {
      YNode rule = seq.items().get(i);
      var dropped = rr.node().invalidRules().get(i);
      out.println(
          indent
              + "    rule "
              + i
              + ": "
              + matches(rule)
              + " -> "
              + backends(rule)
              + (dropped == null ? "" : "  (dropped: " + dropped.message() + ")"));
    }
  }

  private static String matches(YNode rule) {
    List<String> parts = new ArrayList<>();
    if (rule instanceof YMap m && m.get("matches") instanceof YSeq ms) {
      for (YNode match : ms.items()) {
        List<String> conds = new ArrayList<>();
        if (match instanceof YMap mm) {
          if (mm.get("path") instanceof YMap path) {
            conds.add(text(path.get("type"), "PathPrefix") + " " + text(path.get("value"), "/"));
          }
          if (mm.get("method") != null) {
            conds.add(text(mm.get("method"), ""));
          }
          if (mm.get("headers") instanceof YSeq hs) {
            for (YNode h : hs.items()) {
              if (h instanceof YMap hm) {
                conds.add("header " + text(hm.get("name"), "") + "=" + text(hm.get("value"), ""));
              }
            }
          }
          if (mm.get("queryParams") instanceof YSeq qs) {
            for (YNode q : qs.items()) {
              if (q instanceof YMap qm) {
                conds.add("query " + text(qm.get("name"), "") + "=" + text(qm.get("value"), ""));
              }
            }
          }
          if (mm.get("service") != null || mm.get("method") instanceof YMap) {
            conds.add("grpc");
          }
        }
        parts.add(conds.isEmpty() ? "any" : String.join(", ", conds));
      }
    }
    return parts.isEmpty() ? "PathPrefix /" : String.join(" | ", parts);
  }

  private static String backends(YNode rule) {
    List<String> out = new ArrayList<>();
    if (rule instanceof YMap m) {
      if (m.get("filters") instanceof YSeq fs) {
        for (YNode f : fs.items()) {
          if (f instanceof YMap fm && "RequestRedirect".equals(fm.string("type"))) {
            out.add("redirect");
          }
        }
      }
      if (m.get("backendRefs") instanceof YSeq bs) {
        for (YNode b : bs.items()) {
          if (b instanceof YMap bm) {
            String weight = bm.get("weight") == null ? "" : " (" + text(bm.get("weight"), "") + ")";
            out.add(
                text(bm.get("name"), "?")
                    + (bm.get("port") == null ? "" : ":" + text(bm.get("port"), ""))
                    + weight);
          }
        }
      }
    }
    return out.isEmpty() ? "(no backends)" : String.join(", ", out);
  }

  private static String text(YNode n, String dflt) {
    return n instanceof YScalar s && !s.isNull() ? s.text() : dflt;
  }

  private static String summary(List<Condition> conditions) {
    List<String> parts = new ArrayList<>();
    for (Condition c : conditions) {
      boolean good = c.type().equals("Conflicted") ? !c.isTrue() : c.isTrue();
      if (c.type().equals("Conflicted") && good) {
        continue;
      }
      if (good) {
        // A good condition with a telling reason (Accepted with ListenersNotValid) shows it.
        parts.add(c.reason().equals(c.type()) ? c.type() : c.type() + "(" + c.reason() + ")");
      } else {
        parts.add(c.type() + "=" + c.status() + "(" + c.reason() + ")");
      }
    }
    return String.join(" ", parts);
  }

  private static void table(PrintWriter out, List<String[]> rows, String indent) {
    List<List<String>> cells = new ArrayList<>();
    rows.forEach(r -> cells.add(List.of(r)));
    TextTable.lines(cells, indent, 0, java.util.Set.of()).forEach(out::println);
  }
}
