package dev.gwc.map;

import dev.gwc.diag.Diagnostic;
import dev.gwc.diag.ResourceRef;
import dev.gwc.diag.Severity;
import dev.gwc.graph.Condition;
import dev.gwc.graph.Nodes;
import dev.gwc.graph.ObjectRef;
import dev.gwc.graph.Resolution;
import dev.gwc.map.MapGraph.Edge;
import dev.gwc.map.MapGraph.Node;
import dev.gwc.map.MapGraph.Status;
import dev.gwc.pipeline.Compiled;
import dev.gwc.pipeline.Report;
import dev.gwc.sim.Result;
import dev.gwc.source.SourceSpan;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YNode;
import dev.gwc.yaml.YScalar;
import dev.gwc.yaml.YSeq;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the {@link MapGraph} of a compiled set: GatewayClass → Gateway → listener → route →
 * backend, ListenerSets between their Gateway and their listeners, BackendTLSPolicies on the
 * Services they target. Colours come from the conditions gwc computed and from the findings about
 * each object; an object that is referenced but not in the input is an assumed node (an error with
 * {@code --complete}).
 */
public final class MapBuilder {
  private final Report report;
  private final boolean complete;
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final List<Edge> edges = new ArrayList<>();
  private final Map<ResourceRef, Severity> findings = new HashMap<>();
  private final Set<String> services = new TreeSet<>();
  private final Map<String, SourceSpan> serviceSpans = new HashMap<>();
  private final Set<String> grantNamespaces = new TreeSet<>();
  private final Set<String> path = new TreeSet<>();
  private final Map<Nodes.ListenerNode, String> listenerIds = new java.util.IdentityHashMap<>();

  private MapBuilder(Report report, boolean complete) {
    this.report = report;
    this.complete = complete;
    for (Diagnostic d : report.diagnostics().all()) {
      if (d.resource() != null && d.severity().atLeast(Severity.WARNING)) {
        findings.merge(d.resource(), d.severity(), (a, b) -> a.atLeast(b) ? a : b);
      }
    }
    for (Compiled c : report.compiled()) {
      if (c.graphNode() instanceof Nodes.ServiceNode s) {
        services.add(s.namespace() + "/" + s.name());
        serviceSpans.put(s.namespace() + "/" + s.name(), c.manifest().nameSpan());
      } else if (c.graphNode() instanceof Nodes.ReferenceGrantNode g) {
        grantNamespaces.add(g.namespace());
      }
    }
  }

  /**
   * The map of a compiled set.
   *
   * @param request the simulated request as {@code METHOD URL} and its result, or null
   * @param complete whether the input is the whole set (assumed objects are errors)
   */
  public static MapGraph build(Report report, String request, Result result, boolean complete) {
    MapBuilder b = new MapBuilder(report, complete);
    if (result != null) {
      b.path(result);
    }
    b.all();
    List<Node> sorted = new ArrayList<>(b.nodes.values());
    sorted.sort(Comparator.comparing(Node::namespace)); // stable: within a namespace, build order
    String caption =
        request == null ? "gwc map" : "gwc map --request '" + request + "': " + outcome(result);
    return new MapGraph(sorted, b.edges, caption);
  }

  private static String outcome(Result r) {
    StringBuilder sb = new StringBuilder().append(r.status());
    if (r.route() != null) {
      sb.append(" via ")
          .append(r.route().kind())
          .append(' ')
          .append(r.route().namespace())
          .append('/')
          .append(r.route().name())
          .append(" rule ")
          .append(r.route().rule());
    }
    if (r.backend() != null) {
      sb.append(" -> ").append(r.backend().display());
    }
    if (r.location() != null) {
      sb.append(" -> ").append(r.location());
    }
    return sb.toString();
  }

  /** The ids of the nodes a request passed through, in the style of its data plane. */
  private void path(Result r) {
    if (r.gateway() == null) {
      return;
    }
    String gateway = r.gateway().namespace() + "/" + r.gateway().name();
    switch (r.plane()) {
      case GATEWAY_API -> {
        path.add("gateway:" + gateway);
        if (r.listener() != null) {
          path.add("listener:" + gateway + "#" + r.listener());
        }
      }
      case ISTIO -> {
        path.add("istio-gateway:" + gateway);
        if (r.listener() != null) {
          path.add("istio-gateway:" + gateway + "#" + r.listener());
        }
      }
      case INGRESS_NGINX -> path.add("ingressclass:" + r.gateway().name());
      case NONE -> {}
    }
    if (r.route() != null) {
      path.add(
          switch (r.route().kind()) {
            case "VirtualService" ->
                "virtualservice:" + r.route().namespace() + "/" + r.route().name();
            case "Ingress" -> "ingress:" + r.route().namespace() + "/" + r.route().name();
            default ->
                "route:" + r.route().kind() + "/" + r.route().namespace() + "/" + r.route().name();
          });
    }
    if (r.backend() != null) {
      path.add(backendId(r.backend().kind(), r.backend().namespace(), r.backend().name()));
    }
  }

  private void all() {
    Resolution r = report.resolution();
    for (Resolution.ClassResult c : r.classes()) {
      Nodes.GatewayClassNode n = c.node();
      node(
          "class:" + n.name(),
          "GatewayClass",
          "",
          "GatewayClass " + n.name(),
          List.of(n.controllerName() == null ? "" : n.controllerName()),
          List.of(),
          status(List.of(c.accepted())).worst(found("GatewayClass", null, n.name())),
          tooltip("GatewayClass " + n.name(), n.manifest().nameSpan(), List.of(c.accepted())));
    }
    for (Resolution.GatewayResult g : r.gateways()) {
      gateway(g);
    }
    for (Resolution.ListenerSetResult s : r.listenerSets()) {
      listenerSet(s);
    }
    for (Resolution.RouteResult rr : r.routes()) {
      route(rr);
    }
    for (Resolution.PolicyResult p : r.policies()) {
      policy(p);
    }
    DataPlaneNodes.istio(this, report);
    DataPlaneNodes.ingresses(this, report);
  }

  /** A Service node (once), green when the input has it, else assumed (red with --complete). */
  void service(String namespace, String name) {
    String id = backendId("Service", namespace, name);
    boolean present = services.contains(namespace + "/" + name);
    node(
        id,
        "Service",
        namespace,
        "Service " + name,
        List.of(),
        List.of(),
        present ? Status.OK : complete ? Status.ERROR : Status.ASSUMED,
        "Service " + namespace + "/" + name + where(namespace + "/" + name, present));
  }

  /** Where a Service is written, or that it is not in the input. */
  private String where(String service, boolean present) {
    SourceSpan at = serviceSpans.get(service);
    if (present && at != null) {
      return "\n" + at.file() + ":" + at.line();
    }
    return present ? "" : "\nnot in the input: " + (complete ? "missing" : "assumed");
  }

  /** Whether a node of this id was added. */
  boolean has(String id) {
    return nodes.containsKey(id);
  }

  private void gateway(Resolution.GatewayResult g) {
    Nodes.GatewayNode n = g.node();
    String id = "gateway:" + n.namespace() + "/" + n.name();
    node(
        id,
        "Gateway",
        n.namespace(),
        "Gateway " + n.name(),
        n.addresses(),
        List.of(),
        status(g.conditions()).worst(found("Gateway", n.namespace(), n.name())),
        tooltip(
            "Gateway " + n.namespace() + "/" + n.name(), n.manifest().nameSpan(), g.conditions()));
    String classId = "class:" + n.className();
    if (!nodes.containsKey(classId)) {
      assumed(classId, "GatewayClass", "", "GatewayClass " + n.className());
    }
    edge(classId, id, "", Status.OK, "class of Gateway " + n.namespace() + "/" + n.name());
    for (Resolution.ListenerResult l : g.listeners()) {
      listener(id, n.namespace(), n.namespace() + "/" + n.name(), l);
    }
  }

  private void listener(
      String parentId, String namespace, String gateway, Resolution.ListenerResult l) {
    Nodes.ListenerNode n = l.node();
    String id = "listener:" + gateway + "#" + n.name();
    listenerIds.put(n, id);
    List<String> lines = new ArrayList<>();
    lines.add(n.port() + " " + n.protocol() + (n.tlsMode() == null ? "" : " " + n.tlsMode()));
    lines.add(n.hostname() == null ? "*" : n.hostname());
    node(
        id,
        "Listener",
        namespace,
        "listener " + n.name(),
        lines,
        List.of(),
        status(l.conditions()),
        "listener "
            + n.name()
            + " of "
            + gateway
            + "\nattached routes: "
            + l.attachedRoutes()
            + conditions(l.conditions()));
    edge(parentId, id, "", Status.OK, "listener " + n.name());
  }

  private void listenerSet(Resolution.ListenerSetResult s) {
    Nodes.ListenerSetNode n = s.node();
    String id = "listenerset:" + n.namespace() + "/" + n.name();
    List<Condition> conditions = s.conditions() == null ? List.of() : s.conditions();
    node(
        id,
        "ListenerSet",
        n.namespace(),
        "ListenerSet " + n.name(),
        List.of(),
        List.of(),
        s.conditions() == null ? Status.ASSUMED : status(conditions),
        tooltip(
            "ListenerSet " + n.namespace() + "/" + n.name(), n.manifest().nameSpan(), conditions));
    String gatewayId = "gateway:" + n.parentRef().namespace() + "/" + n.parentRef().name();
    if (!nodes.containsKey(gatewayId)) {
      assumed(gatewayId, "Gateway", n.parentRef().namespace(), "Gateway " + n.parentRef().name());
    }
    edge(gatewayId, id, "", s.accepted() ? Status.OK : Status.ERROR, "parent of the ListenerSet");
    for (Resolution.ListenerResult l : s.listeners()) {
      listener(id, n.namespace(), "listenerset/" + n.namespace() + "/" + n.name(), l);
    }
  }

  private void route(Resolution.RouteResult rr) {
    Nodes.RouteNode n = rr.node();
    String id = "route:" + n.kind() + "/" + n.namespace() + "/" + n.name();
    Status status = Status.OK;
    List<Condition> all = new ArrayList<>();
    boolean anyAccepted = false;
    for (Resolution.ParentResult p : rr.parents()) {
      all.add(p.accepted());
      all.add(p.resolvedRefs());
      anyAccepted |= p.accepted().isTrue();
      if (!p.resolvedRefs().isTrue()) {
        status = Status.ERROR;
      }
    }
    if (!rr.parents().isEmpty() && !anyAccepted) {
      status = Status.ERROR;
    } else if (all.stream().anyMatch(c -> c.type().equals("Accepted") && !c.isTrue())) {
      status = status.worst(Status.WARNING);
    }
    List<String> lines = new ArrayList<>();
    if (!n.hostnames().isEmpty()) {
      lines.add(String.join(", ", n.hostnames()));
    }
    List<String> badges = new ArrayList<>();
    rules(n.manifest().root(), lines, badges);
    node(
        id,
        n.kind(),
        n.namespace(),
        n.kind() + " " + n.name(),
        lines,
        badges,
        status.worst(found(n.kind(), n.namespace(), n.name())),
        tooltip(n.kind() + " " + n.namespace() + "/" + n.name(), n.manifest().nameSpan(), all));
    Set<String> controlled = new TreeSet<>();
    for (Resolution.ParentResult p : rr.parents()) {
      String gateway =
          p.gateway() == null ? null : p.gateway().namespace() + "/" + p.gateway().name();
      controlled.add(p.ref().namespace() + "/" + p.ref().name());
      if (p.accepted().isTrue()) {
        for (Nodes.ListenerNode l : p.listeners()) {
          String listenerId = listenerId(gateway, l);
          edge(listenerId, id, "", Status.OK, "attached: " + p.accepted().message());
        }
      } else {
        String from =
            gateway != null
                ? "gateway:" + gateway
                : "gateway:" + p.ref().namespace() + "/" + p.ref().name();
        if (!nodes.containsKey(from)) {
          assumed(from, "Gateway", p.ref().namespace(), "Gateway " + p.ref().name());
        }
        edge(
            from,
            id,
            p.accepted().reason(),
            Status.ERROR,
            "not attached: " + p.accepted().reason() + ": " + p.accepted().message());
      }
    }
    for (ObjectRef parent : n.parentRefs()) {
      if ("Gateway".equals(parent.kind())
          && !controlled.contains(parent.namespace() + "/" + parent.name())) {
        String from = "gateway:" + parent.namespace() + "/" + parent.name();
        if (!nodes.containsKey(from)) {
          assumed(from, "Gateway", parent.namespace(), "Gateway " + parent.name());
        }
        edge(from, id, "", Status.ASSUMED, "parent Gateway not in the input");
      }
    }
    for (ObjectRef ref : n.backendRefs()) {
      backend(rr, id, ref);
    }
  }

  /** The listener node a route attached to (a Gateway's own, or a ListenerSet's). */
  private String listenerId(String gateway, Nodes.ListenerNode l) {
    return listenerIds.getOrDefault(l, "gateway:" + gateway);
  }

  private void backend(Resolution.RouteResult rr, String routeId, ObjectRef ref) {
    boolean service =
        "Service".equals(ref.kind()) && (ref.group() == null || ref.group().isEmpty());
    String id = backendId(ref.kind(), ref.namespace(), ref.name());
    if (service) {
      service(ref.namespace(), ref.name());
    } else {
      // Another kind of backend (ServiceImport, ...): not checked against the input.
      node(
          id,
          ref.kind(),
          ref.namespace(),
          ref.kind() + " " + ref.name(),
          List.of(),
          List.of(),
          Status.OK,
          ref.kind() + " " + ref.namespace() + "/" + ref.name());
    }
    Condition bad = rr.invalidBackends().get(ref.path());
    boolean mirror = ref.path() != null && ref.path().contains("filters");
    String label =
        rule(ref.path())
            + (ref.port() == null ? "" : " :" + ref.port())
            + (mirror ? " mirror" : "");
    String tooltip =
        bad != null
            ? "unresolved: " + bad.reason() + ": " + bad.message()
            : ref.path()
                + (ref.crossNamespace(rr.node().namespace())
                    ? "\ncross-namespace: permitted by a ReferenceGrant in " + ref.namespace()
                    : "");
    if (bad == null
        && ref.crossNamespace(rr.node().namespace())
        && grantNamespaces.contains(ref.namespace())) {
      label += " (grant)";
    }
    edge(routeId, id, label.strip(), bad == null ? Status.OK : Status.ERROR, tooltip);
  }

  private void policy(Resolution.PolicyResult p) {
    Nodes.BackendTlsPolicyNode n = p.node();
    String id = "policy:" + n.namespace() + "/" + n.name();
    node(
        id,
        "BackendTLSPolicy",
        n.namespace(),
        "BackendTLSPolicy " + n.name(),
        List.of(),
        List.of(),
        status(p.conditions()).worst(found("BackendTLSPolicy", n.namespace(), n.name())),
        tooltip(
            "BackendTLSPolicy " + n.namespace() + "/" + n.name(),
            n.manifest().nameSpan(),
            p.conditions()));
    for (ObjectRef t : n.targetRefs()) {
      String target = backendId(t.kind(), t.namespace(), t.name());
      service(t.namespace(), t.name());
      edge(id, target, "TLS to backend", status(p.conditions()), "BackendTLSPolicy target");
    }
  }

  static String backendId(String kind, String namespace, String name) {
    return "backend:" + kind + "/" + namespace + "/" + name;
  }

  /** {@code rule 0} from a field path such as {@code spec.rules[0].backendRefs[1]}. */
  private static String rule(String path) {
    if (path == null || !path.startsWith("spec.rules[")) {
      return "";
    }
    return "rule " + path.substring("spec.rules[".length(), path.indexOf(']'));
  }

  /** One line per rule (matches and backends with weights), and the filters as badges. */
  private static void rules(YMap root, List<String> lines, List<String> badges) {
    if (root == null
        || !(root.get("spec") instanceof YMap spec)
        || !(spec.get("rules") instanceof YSeq rules)) {
      return;
    }
    for (int i = 0; i < rules.items().size(); i++) {
      if (!(rules.items().get(i) instanceof YMap rule)) {
        continue;
      }
      List<String> matches = new ArrayList<>();
      if (rule.get("matches") instanceof YSeq ms) {
        for (YNode m : ms.items()) {
          if (m instanceof YMap mm && mm.get("path") instanceof YMap p) {
            matches.add(text(p.get("value"), "/"));
          } else if (m instanceof YMap mm && mm.get("method") instanceof YMap gm) {
            matches.add(text(gm.get("service"), "*") + "/" + text(gm.get("method"), "*"));
          } else {
            matches.add("*");
          }
        }
      }
      List<String> backends = new ArrayList<>();
      if (rule.get("backendRefs") instanceof YSeq bs) {
        for (YNode b : bs.items()) {
          if (b instanceof YMap bm) {
            backends.add(
                text(bm.get("name"), "?")
                    + (bm.get("weight") == null ? "" : " " + text(bm.get("weight"), "") + "w"));
          }
        }
      }
      if (rule.get("filters") instanceof YSeq fs) {
        for (YNode f : fs.items()) {
          if (f instanceof YMap fm
              && fm.string("type") != null
              && !badges.contains(fm.string("type"))) {
            badges.add(fm.string("type"));
          }
        }
      }
      lines.add(
          (matches.isEmpty() ? "*" : String.join(" ", matches))
              + " → "
              + (backends.isEmpty() ? "(no backends)" : String.join(", ", backends)));
    }
  }

  private static String text(YNode n, String dflt) {
    return n instanceof YScalar s && !s.isNull() ? s.text() : dflt;
  }

  /** ERROR when a condition is not as it should be (Conflicted is good when False). */
  private static Status status(List<Condition> conditions) {
    for (Condition c : conditions) {
      boolean good = c.type().equals("Conflicted") ? !c.isTrue() : c.isTrue();
      if (!good) {
        return Status.ERROR;
      }
    }
    return Status.OK;
  }

  /** The colour the findings about an object give it. */
  Status found(String kind, String namespace, String name) {
    Severity s = findings.get(new ResourceRef(kind, namespace, name));
    if (s == null) {
      return Status.OK;
    }
    return s == Severity.ERROR ? Status.ERROR : Status.WARNING;
  }

  private static String tooltip(String what, SourceSpan at, List<Condition> conditions) {
    return what + "\n" + at.file() + ":" + at.line() + conditions(conditions);
  }

  private static String conditions(List<Condition> conditions) {
    StringBuilder sb = new StringBuilder();
    for (Condition c : conditions) {
      sb.append('\n')
          .append(c.type())
          .append('=')
          .append(c.status())
          .append(" (")
          .append(c.reason())
          .append("): ")
          .append(c.message());
    }
    return sb.toString();
  }

  void assumed(String id, String kind, String namespace, String title) {
    node(
        id,
        kind,
        namespace,
        title,
        List.of(complete ? "not in the input" : "assumed"),
        List.of(),
        complete ? Status.ERROR : Status.ASSUMED,
        title + "\nnot in the input: " + (complete ? "missing (--complete)" : "assumed to exist"));
  }

  void node(
      String id,
      String kind,
      String namespace,
      String title,
      List<String> lines,
      List<String> badges,
      Status status,
      String tooltip) {
    nodes.putIfAbsent(
        id,
        new Node(id, kind, namespace, title, lines, badges, status, tooltip, path.contains(id)));
  }

  void edge(String from, String to, String label, Status status, String tooltip) {
    edges.add(new Edge(from, to, label, status, tooltip, path.contains(from) && path.contains(to)));
  }
}
