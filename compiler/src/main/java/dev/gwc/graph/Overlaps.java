package dev.gwc.graph;

import dev.gwc.diag.Severity;
import dev.gwc.graph.Nodes.ListenerNode;
import dev.gwc.graph.Nodes.RouteNode;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Route matches that another route of the same kind on the same listener and hostname repeats
 * exactly: HTTPRoute matches (path, method, headers, query parameters), GRPCRoute matches (service,
 * method, headers) and TLSRoute server names. Only one of them ever gets the traffic; the
 * specification decides by the oldest creationTimestamp, then by {@code namespace/name} order. Git
 * has no creation times: gwc uses metadata.creationTimestamp when it is written, and otherwise
 * treats the routes as equally old, so that name order decides, and says so in the finding.
 */
final class Overlaps {
  private Overlaps() {}

  /** The key of a TLSRoute: it takes every connection for its hostnames. */
  static final String TLS_KEY = "every connection";

  /** The key of a GRPCRoute rule without matches. */
  static final String GRPC_ANY = "any service and method";

  private static final java.util.Set<String> KINDS =
      java.util.Set.of("HTTPRoute", "GRPCRoute", "TLSRoute");

  /** The route (and rule) that first claimed a match key on a listener. */
  private record Winner(RouteNode route, int rule) {}

  static void check(List<Resolution.RouteResult> routes, Resolver.Reporter r) {
    // Identity, not record equality: nodes hold whole YAML trees, and two equal routes are still
    // two.
    Map<ListenerNode, List<RouteNode>> byListener = new java.util.IdentityHashMap<>();
    List<ListenerNode> listenerOrder = new ArrayList<>();
    for (Resolution.RouteResult rr : routes) {
      if (!KINDS.contains(rr.node().kind())) {
        continue;
      }
      for (Resolution.ParentResult p : rr.parents()) {
        for (ListenerNode l : p.listeners()) {
          List<RouteNode> list = byListener.get(l);
          if (list == null) {
            list = new ArrayList<>();
            byListener.put(l, list);
            listenerOrder.add(l);
          }
          if (list.isEmpty() || list.get(list.size() - 1) != rr.node()) {
            list.add(rr.node());
          }
        }
      }
    }
    // Per route (by identity: the same name may come from two files), the overlaps reported.
    Map<RouteNode, java.util.Set<String>> reported = new java.util.IdentityHashMap<>();
    // Each route's creation time read once, not at every comparison of every listener's sort.
    Map<RouteNode, String> createdAt = new java.util.IdentityHashMap<>();
    Comparator<RouteNode> precedence =
        Comparator.comparing(
                (RouteNode n) -> createdAt.computeIfAbsent(n, Overlaps::createdOrEmpty))
            .thenComparing(RouteNode::namespace)
            .thenComparing(RouteNode::name);
    for (ListenerNode listener : listenerOrder) {
      Map<String, Winner> first = new LinkedHashMap<>();
      List<RouteNode> ordered = new ArrayList<>(byListener.get(listener));
      ordered.sort(precedence);
      for (RouteNode route : ordered) {
        for (Nodes.MatchKey m : route.matches()) {
          List<String> hosts = route.hostnames().isEmpty() ? List.of("*") : route.hostnames();
          for (String host : hosts) {
            String k = route.kind() + " " + host + " " + m.key();
            Winner winner = first.putIfAbsent(k, new Winner(route, m.rule()));
            if (winner != null
                && winner.route() != route
                && reported
                    .computeIfAbsent(route, x -> new java.util.HashSet<>())
                    .add(m.rule() + "/" + m.match() + k)) {
              r.report(
                  GraphRules.OVERLAPPING_MATCH,
                  Severity.WARNING,
                  route.manifest(),
                  m.node(),
                  route.kind().equals("TLSRoute")
                      ? "spec.hostnames"
                      : "spec.rules[" + m.rule() + "]",
                  (route.kind().equals("TLSRoute")
                          ? (host.equals("*") ? "every server name" : "server name '" + host + "'")
                          : "match "
                              + m.key()
                              + (host.equals("*") ? "" : " on host '" + host + "'"))
                      + " is also matched by "
                      + winner.route().kind()
                      + " '"
                      + winner.route().namespace()
                      + "/"
                      + winner.route().name()
                      + (route.kind().equals("TLSRoute") ? "'" : "' rule " + winner.rule())
                      + ", which gets the traffic: "
                      + why(winner.route(), route));
            }
          }
        }
      }
    }
  }

  /** Older first, then namespace/name (the specification's tie-breakers). */
  private static String createdOrEmpty(RouteNode n) {
    String c = created(n);
    return c == null ? "" : c;
  }

  private static String created(RouteNode n) {
    return TreeFields.str(TreeFields.map(n.manifest().root(), "metadata"), "creationTimestamp");
  }

  private static String why(RouteNode winner, RouteNode loser) {
    String a = created(winner);
    String b = created(loser);
    if (a != null && b != null && !a.equals(b)) {
      return "it is older (creationTimestamp " + a + " before " + b + ")";
    }
    String stand =
        a == null || b == null
            ? "no creationTimestamp in Git, so gwc assumes they are equally old and "
            : "equal creationTimestamps, so ";
    return stand
        + "'"
        + winner.namespace()
        + "/"
        + winner.name()
        + "' comes first in namespace/name order";
  }

  /** A canonical description of a GRPCRoute match: service, method and headers, sorted. */
  static String grpcKey(YNode match) {
    YMap method = TreeFields.map(match, "method");
    String type = TreeFields.str(method, "type", "Exact");
    String service = TreeFields.str(method, "service");
    String name = TreeFields.str(method, "method");
    StringBuilder sb = new StringBuilder();
    if (service == null && name == null) {
      sb.append(GRPC_ANY);
    } else {
      sb.append(type)
          .append(" '")
          .append(service == null ? "*" : service)
          .append("/")
          .append(name == null ? "*" : name)
          .append("'");
    }
    TreeSet<String> headers = headers(match);
    if (!headers.isEmpty()) {
      sb.append(", headers ").append(String.join(", ", headers));
    }
    return sb.toString();
  }

  private static TreeSet<String> headers(YNode match) {
    TreeSet<String> headers = new TreeSet<>();
    for (YNode h : TreeFields.list(match, "headers")) {
      headers.add(
          TreeFields.str(h, "name", "").toLowerCase(java.util.Locale.ROOT)
              + " "
              + TreeFields.str(h, "type", "Exact")
              + " '"
              + TreeFields.str(h, "value", "")
              + "'");
    }
    return headers;
  }

  /** A canonical description of a match: path, method, headers and query parameters, sorted. */
  static String key(YNode match) {
    YMap path = TreeFields.map(match, "path");
    String type = TreeFields.str(path, "type", "PathPrefix");
    String value = TreeFields.str(path, "value", "/");
    if (type.equals("PathPrefix") && value.length() > 1 && value.endsWith("/")) {
      value = value.substring(0, value.length() - 1); // /a/ and /a match the same requests
    }
    StringBuilder sb = new StringBuilder(type + " '" + value + "'");
    String method = TreeFields.str(match, "method");
    if (method != null) {
      sb.append(", method ").append(method);
    }
    TreeSet<String> headers = headers(match);
    if (!headers.isEmpty()) {
      sb.append(", headers ").append(String.join(", ", headers));
    }
    TreeSet<String> query = new TreeSet<>();
    for (YNode q : TreeFields.list(match, "queryParams")) {
      query.add(
          TreeFields.str(q, "name", "")
              + " "
              + TreeFields.str(q, "type", "Exact")
              + " '"
              + TreeFields.str(q, "value", "")
              + "'");
    }
    if (!query.isEmpty()) {
      sb.append(", query ").append(String.join(", ", query));
    }
    return sb.toString();
  }
}
