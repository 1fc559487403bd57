package dev.gwc.graph;

import dev.gwc.diag.Severity;
import dev.gwc.graph.Nodes.RouteNode;
import dev.gwc.graph.Nodes.ServiceNode;
import java.util.Map;

/** Route-level reference resolution: backend kinds, ReferenceGrants, Services and ports. */
final class BackendRefs {
  private BackendRefs() {}

  /**
   * The route's ResolvedRefs condition (the first failing backendRef decides the reason).
   *
   * @param failed receives the condition of every backendRef that does not resolve, by field path
   */
  static Condition resolve(
      RouteNode route, Graph graph, Resolver.Reporter r, Map<String, Condition> failed) {
    Condition first = null;
    for (ObjectRef b : route.backendRefs()) {
      Condition c = check(route, b, graph, r);
      if (c != null) {
        failed.put(b.path(), c);
      }
      if (c != null && first == null) {
        first = c;
      }
    }
    return first != null
        ? first
        : Condition.yes("ResolvedRefs", "ResolvedRefs", "all references resolved");
  }

  /** Backends of other kinds (ServiceImport, an implementation's own kinds). */
  private static Condition otherKind(
      RouteNode route, ObjectRef b, Graph graph, Resolver.Reporter r) {
    boolean known =
        (b.group().equals("multicluster.x-k8s.io") && b.kind().equals("ServiceImport"))
            || graph.objects().stream()
                .anyMatch(o -> o.startsWith(b.group() + "/" + b.kind() + "/"));
    if (known) {
      return null; // a kind the input (or the multicluster API) defines: assumed supported
    }
    String msg =
        "backendRef kind "
            + b.kind()
            + (b.group().isEmpty() ? " (core group)" : " (" + b.group() + ")")
            + " is not a Service; a controller that does not support it reports ResolvedRefs=False (InvalidKind)";
    // A core kind other than Service is certainly wrong; another group's kind may be an
    // implementation's own backend, which gwc cannot judge.
    r.report(
        GraphRules.INVALID_KIND,
        b.group().isEmpty() ? Severity.ERROR : Severity.WARNING,
        route.manifest(),
        b.node(),
        b.path(),
        msg);
    return Condition.no("ResolvedRefs", "InvalidKind", msg);
  }

  private static Condition check(RouteNode route, ObjectRef b, Graph graph, Resolver.Reporter r) {
    if (!b.group().isEmpty() || !b.kind().equals("Service")) {
      return otherKind(route, b, graph, r);
    }
    if (b.crossNamespace(route.namespace())
        && !graph.granted(
            GraphBuilder.GATEWAY_GROUP,
            route.kind(),
            route.namespace(),
            "",
            "Service",
            b.namespace(),
            b.name())) {
      String msg =
          "backendRef to Service '"
              + b.display()
              + "' in another namespace needs a ReferenceGrant in '"
              + b.namespace()
              + "' from "
              + route.kind()
              + " in '"
              + route.namespace()
              + "'";
      r.report(
          GraphRules.REF_NOT_PERMITTED, Severity.ERROR, route.manifest(), b.node(), b.path(), msg);
      return Condition.no("ResolvedRefs", "RefNotPermitted", msg);
    }
    ServiceNode s = graph.services().get(Graph.key(b.namespace(), b.name()));
    if (s == null) {
      if (graph.complete()) {
        String msg = "Service '" + b.display() + "' does not exist";
        r.report(
            GraphRules.BACKEND_NOT_FOUND,
            Severity.ERROR,
            route.manifest(),
            b.node(),
            b.path(),
            msg);
        return Condition.no("ResolvedRefs", "BackendNotFound", msg);
      }
      r.report(
          GraphRules.ASSUMED_PRESENT,
          Severity.INFO,
          route.manifest(),
          b.node(),
          b.path(),
          "Service '"
              + b.display()
              + "' is not in the input; assuming it exists"
              + (b.port() == null ? "" : " with port " + b.port()));
      return null;
    }
    if (b.port() != null && !s.ports().contains(b.port())) {
      String msg =
          "Service '" + b.display() + "' has no port " + b.port() + " (ports: " + s.ports() + ")";
      r.report(
          GraphRules.BACKEND_NOT_FOUND, Severity.ERROR, route.manifest(), b.node(), b.path(), msg);
      return Condition.no("ResolvedRefs", "BackendNotFound", msg);
    }
    return null;
  }
}
