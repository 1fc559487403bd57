package dev.gwc.output;

import dev.gwc.graph.Condition;
import dev.gwc.graph.Nodes;
import dev.gwc.graph.ObjectRef;
import dev.gwc.graph.Resolution;
import dev.gwc.pipeline.Compiled;
import dev.gwc.pipeline.Report;
import dev.gwc.source.SourceSpan;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YNode;
import dev.gwc.yaml.YScalar;
import dev.gwc.yaml.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code gwc get}: the Gateways, listeners, routes or backends of a compiled set as rows, each row
 * both the cells of a kubectl-style table and an item with typed values for {@code -o json|yaml}.
 * Statuses are the conditions gwc computed as the controller of the set.
 */
public final class ListViews {
  private ListViews() {}

  /** Columns a narrow terminal never cuts: the names people look for. */
  public static final Set<String> UNCUT =
      Set.of(
          "NAMESPACE",
          "NAME",
          "GATEWAY",
          "SERVICE",
          "KIND",
          "PORT",
          "PROTOCOL",
          "CLASS",
          "ROUTES",
          "LISTENERS");

  /** What {@code gwc get} lists. */
  public enum Kind {
    GATEWAYS,
    LISTENERS,
    ROUTES,
    BACKENDS
  }

  /**
   * A list view.
   *
   * @param columns the headers: the normal ones, then those only {@code -o wide} shows
   * @param normal how many of the columns the normal table shows
   * @param rows the cells of each row, one per column
   * @param items each row as an item with typed values (for json and yaml)
   */
  public record View(
      List<String> columns, int normal, List<List<String>> rows, List<Map<String, Object>> items) {
    /** The table (header first) with the normal or all columns. */
    public List<List<String>> table(boolean wide) {
      int n = wide ? columns.size() : normal;
      List<List<String>> out = new ArrayList<>();
      out.add(columns.subList(0, n));
      rows.forEach(r -> out.add(r.subList(0, n)));
      return out;
    }
  }

  /**
   * The view of one kind.
   *
   * @param namespace only objects of this namespace, or null for all
   */
  public static View of(Kind kind, Report report, String namespace) {
    Builder b =
        switch (kind) {
          case GATEWAYS ->
              new Builder(
                  7,
                  "NAMESPACE",
                  "NAME",
                  "CLASS",
                  "ADDRESSES",
                  "LISTENERS",
                  "ACCEPTED",
                  "PROGRAMMED",
                  "ROUTES",
                  "SOURCE");
          case LISTENERS ->
              new Builder(
                  7,
                  "GATEWAY",
                  "NAME",
                  "PORT",
                  "PROTOCOL",
                  "HOSTNAME",
                  "ROUTES",
                  "READY",
                  "TLS",
                  "ALLOWED-ROUTES",
                  "LISTENERSET");
          case ROUTES ->
              new Builder(
                  7,
                  "NAMESPACE",
                  "NAME",
                  "KIND",
                  "HOSTNAMES",
                  "PARENTS",
                  "BACKENDS",
                  "ACCEPTED",
                  "RESOLVED-REFS",
                  "RULES",
                  "SOURCE");
          case BACKENDS -> new Builder(4, "SERVICE", "PORT", "ROUTES", "FOUND", "ROUTE-NAMES");
        };
    Resolution r = report.resolution();
    switch (kind) {
      case GATEWAYS -> gateways(b, r, namespace);
      case LISTENERS -> listeners(b, r, namespace);
      case ROUTES -> routes(b, r, namespace);
      case BACKENDS -> backends(b, report, namespace);
    }
    return b.view();
  }

  private static void gateways(Builder b, Resolution r, String namespace) {
    for (Resolution.GatewayResult g : sortedGateways(r)) {
      Nodes.GatewayNode n = g.node();
      if (namespace != null && !namespace.equals(n.namespace())) {
        continue;
      }
      List<String> addresses = n.addresses();
      int routes = 0;
      for (Resolution.ListenerResult l : g.listeners()) {
        routes += l.attachedRoutes();
      }
      Condition accepted = condition(g.conditions(), "Accepted");
      Condition programmed = condition(g.conditions(), "Programmed");
      b.row(
          item(
              "namespace", n.namespace(),
              "name", n.name(),
              "class", n.className(),
              "addresses", addresses,
              "listeners", g.listeners().size(),
              "accepted", conditionItem(accepted),
              "programmed", conditionItem(programmed),
              "attachedRoutes", routes,
              "source", source(n.manifest().nameSpan())),
          n.namespace(),
          n.name(),
          n.className(),
          addresses.isEmpty() ? "<none>" : String.join(",", addresses),
          String.valueOf(g.listeners().size()),
          cell(accepted),
          cell(programmed),
          String.valueOf(routes),
          source(n.manifest().nameSpan()));
    }
  }

  private static void listeners(Builder b, Resolution r, String namespace) {
    for (Resolution.GatewayResult g : sortedGateways(r)) {
      if (namespace == null || namespace.equals(g.node().namespace())) {
        for (Resolution.ListenerResult l : g.listeners()) {
          listener(b, display(g.node()), l, null);
        }
      }
      for (Resolution.ListenerSetResult s : r.listenerSets()) {
        if (s.gateway() == g.node()
            && (namespace == null || namespace.equals(s.node().namespace()))) {
          for (Resolution.ListenerResult l : s.listeners()) {
            listener(b, display(g.node()), l, s.node().namespace() + "/" + s.node().name());
          }
        }
      }
    }
  }

  private static void listener(
      Builder b, String gateway, Resolution.ListenerResult l, String listenerSet) {
    Nodes.ListenerNode n = l.node();
    Condition ready = ready(l.conditions());
    List<String> certificates = new ArrayList<>();
    n.certificateRefs().forEach(c -> certificates.add(c.namespace() + "/" + c.name()));
    String tls =
        n.tlsMode() == null
            ? ""
            : n.tlsMode() + (certificates.isEmpty() ? "" : " " + String.join(",", certificates));
    b.row(
        item(
            "gateway", gateway,
            "name", n.name(),
            "port", n.port(),
            "protocol", n.protocol(),
            "hostname", n.hostname(),
            "attachedRoutes", l.attachedRoutes(),
            "ready", conditionItem(ready),
            "tlsMode", n.tlsMode(),
            "certificateRefs", certificates,
            "allowedRoutes", n.namespacesFrom(),
            "listenerSet", listenerSet),
        gateway,
        n.name(),
        String.valueOf(n.port()),
        n.protocol(),
        n.hostname() == null ? "*" : n.hostname(),
        String.valueOf(l.attachedRoutes()),
        cell(ready),
        tls.isEmpty() ? "<none>" : tls,
        n.namespacesFrom() == null ? "Same" : n.namespacesFrom(),
        listenerSet == null ? "<none>" : listenerSet);
  }

  private static void routes(Builder b, Resolution r, String namespace) {
    List<Resolution.RouteResult> sorted = new ArrayList<>(r.routes());
    sorted.sort(
        java.util.Comparator.comparing((Resolution.RouteResult x) -> x.node().namespace())
            .thenComparing(x -> x.node().name())
            .thenComparing(x -> x.node().kind()));
    for (Resolution.RouteResult rr : sorted) {
      Nodes.RouteNode n = rr.node();
      if (namespace != null && !namespace.equals(n.namespace())) {
        continue;
      }
      List<String> parents = new ArrayList<>();
      List<Map<String, Object>> parentItems = new ArrayList<>();
      Condition accepted = null;
      Condition resolved = null;
      for (Resolution.ParentResult p : rr.parents()) {
        String gateway = p.gateway() == null ? p.ref().display() : display(p.gateway());
        List<String> listeners = new ArrayList<>();
        p.listeners().forEach(l -> listeners.add(l.name()));
        parents.add(
            p.accepted().isTrue()
                ? gateway + "/" + String.join(",", listeners)
                : gateway + " (" + p.accepted().reason() + ")");
        parentItems.add(
            item(
                "gateway",
                gateway,
                "listeners",
                listeners,
                "accepted",
                conditionItem(p.accepted()),
                "resolvedRefs",
                conditionItem(p.resolvedRefs())));
        accepted = worst(accepted, p.accepted());
        resolved = worst(resolved, p.resolvedRefs());
      }
      List<String> backends = new ArrayList<>();
      List<Map<String, Object>> backendItems = new ArrayList<>();
      for (ObjectRef ref : n.backendRefs()) {
        if (ref.path() != null && ref.path().contains("filters")) {
          continue; // a mirror is not where the route sends traffic
        }
        Integer weight = weight(n.manifest().root(), ref);
        backends.add(
            backendName(ref, n.namespace())
                + (ref.port() == null ? "" : ":" + ref.port())
                + (weight == null ? "" : "(" + weight + ")"));
        backendItems.add(
            item(
                "kind", ref.kind(),
                "namespace", ref.namespace(),
                "name", ref.name(),
                "port", ref.port(),
                "weight", weight == null ? 1 : weight));
      }
      int rules = rules(n.manifest().root());
      b.row(
          item(
              "namespace", n.namespace(),
              "name", n.name(),
              "kind", n.kind(),
              "hostnames", n.hostnames(),
              "parents", parentItems,
              "backends", backendItems,
              "rules", rules,
              "source", source(n.manifest().nameSpan())),
          n.namespace(),
          n.name(),
          n.kind(),
          n.hostnames().isEmpty() ? "*" : String.join(",", n.hostnames()),
          parents.isEmpty() ? "<none>" : String.join(" ", parents),
          backends.isEmpty() ? "<none>" : String.join(",", backends),
          accepted == null ? "<none>" : cell(accepted),
          resolved == null ? "<none>" : cell(resolved),
          String.valueOf(rules),
          source(n.manifest().nameSpan()));
    }
  }

  /** The Gateways in namespace/name order, as kubectl lists them. */
  private static List<Resolution.GatewayResult> sortedGateways(Resolution r) {
    List<Resolution.GatewayResult> out = new ArrayList<>(r.gateways());
    out.sort(
        java.util.Comparator.comparing((Resolution.GatewayResult g) -> g.node().namespace())
            .thenComparing(g -> g.node().name()));
    return out;
  }

  private static void backends(Builder b, Report report, String namespace) {
    Set<String> services = new TreeSet<>();
    for (Compiled c : report.compiled()) {
      if (c.graphNode() instanceof Nodes.ServiceNode s) {
        services.add(s.namespace() + "/" + s.name());
      }
    }
    // "kind ns/name port" -> the routes that send there, and whether any reference failed
    Map<String, Set<String>> routes = new TreeMap<>();
    Map<String, String> failed = new TreeMap<>();
    for (Resolution.RouteResult rr : report.resolution().routes()) {
      Nodes.RouteNode n = rr.node();
      for (ObjectRef ref : n.backendRefs()) {
        if (namespace != null && !namespace.equals(ref.namespace())) {
          continue;
        }
        String key =
            backendName(ref, null) + "\t" + (ref.port() == null ? "" : String.valueOf(ref.port()));
        routes
            .computeIfAbsent(key, k -> new TreeSet<>())
            .add(n.kind() + "/" + n.namespace() + "/" + n.name());
        Condition bad = rr.invalidBackends().get(ref.path());
        if (bad != null) {
          failed.putIfAbsent(key, bad.reason());
        }
      }
    }
    routes.forEach(
        (key, from) -> {
          String[] parts = key.split("\t", -1);
          String name = parts[0];
          boolean service = !name.contains(":");
          String found;
          if (failed.containsKey(key)) {
            found = "False (" + failed.get(key) + ")";
          } else if (!service || services.contains(name)) {
            found = "True";
          } else {
            found = "assumed";
          }
          b.row(
              item(
                  "backend",
                  name,
                  "port",
                  parts[1].isEmpty() ? null : Integer.valueOf(parts[1]),
                  "routes",
                  new ArrayList<>(from),
                  "found",
                  found),
              name,
              parts[1].isEmpty() ? "<none>" : parts[1],
              String.valueOf(from.size()),
              found,
              String.join(",", from));
        });
  }

  /** {@code ns/name} for a Service, {@code Kind:ns/name} for other kinds. */
  private static String backendName(ObjectRef ref, String routeNamespace) {
    boolean service =
        "Service".equals(ref.kind()) && (ref.group() == null || ref.group().isEmpty());
    String ns =
        routeNamespace != null && routeNamespace.equals(ref.namespace())
            ? ""
            : ref.namespace() + "/";
    return (service ? "" : ref.kind() + ":") + ns + ref.name();
  }

  /** The weight written on a backendRef (found by its field path in the route), or null. */
  private static Integer weight(YMap route, ObjectRef ref) {
    YNode at = route;
    for (String step : ref.path() == null ? new String[0] : ref.path().split("\\.")) {
      int bracket = step.indexOf('[');
      String key = bracket < 0 ? step : step.substring(0, bracket);
      at = at instanceof YMap m ? m.get(key) : null;
      if (bracket >= 0) {
        int index = Integer.parseInt(step.substring(bracket + 1, step.length() - 1));
        at = at instanceof YSeq seq && index < seq.items().size() ? seq.items().get(index) : null;
      }
    }
    return at instanceof YMap m
            && m.get("weight") instanceof YScalar w
            && w.value() instanceof Long l
        ? l.intValue()
        : null;
  }

  private static int rules(YMap root) {
    return root != null
            && root.get("spec") instanceof YMap spec
            && spec.get("rules") instanceof YSeq rules
        ? rules.items().size()
        : 0;
  }

  private static String display(Nodes.GatewayNode g) {
    return g.namespace() + "/" + g.name();
  }

  private static String source(SourceSpan at) {
    return at.file() + ":" + at.line();
  }

  private static Condition condition(List<Condition> conditions, String type) {
    for (Condition c : conditions) {
      if (c.type().equals(type)) {
        return c;
      }
    }
    return null;
  }

  /**
   * A listener's readiness: True when Accepted, ResolvedRefs and Programmed hold and it is not
   * Conflicted; else the first condition that is not as it should be.
   */
  private static Condition ready(List<Condition> conditions) {
    for (Condition c : conditions) {
      boolean good = c.type().equals("Conflicted") ? !c.isTrue() : c.isTrue();
      if (!good) {
        return Condition.no("Ready", c.type() + ":" + c.reason(), c.message());
      }
    }
    return Condition.yes("Ready", "Ready", "");
  }

  /** The first condition that is not True, else the first. */
  private static Condition worst(Condition before, Condition c) {
    if (c == null) {
      return before;
    }
    return before == null || (before.isTrue() && !c.isTrue()) ? c : before;
  }

  private static String cell(Condition c) {
    if (c == null) {
      return "<none>";
    }
    return c.isTrue() ? "True" : c.status() + " (" + c.reason() + ")";
  }

  private static Map<String, Object> conditionItem(Condition c) {
    if (c == null) {
      return null;
    }
    return item("status", c.status(), "reason", c.reason(), "message", c.message());
  }

  /** An item with its keys in the order given (output must be the same every run). */
  private static Map<String, Object> item(Object... keysAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      out.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return out;
  }

  /** Collects the rows of a view. */
  private static final class Builder {
    private final List<String> columns;
    private final int normal;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<Map<String, Object>> items = new ArrayList<>();

    Builder(int normal, String... columns) {
      this.columns = List.of(columns);
      this.normal = normal;
    }

    void row(Map<String, Object> item, String... cells) {
      items.add(item);
      rows.add(List.of(cells));
    }

    View view() {
      return new View(columns, normal, rows, items);
    }
  }
}
