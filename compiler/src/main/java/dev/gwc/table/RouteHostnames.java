package dev.gwc.table;

import dev.gwc.graph.Hostnames;
import dev.gwc.graph.Nodes.RouteNode;
import dev.gwc.pipeline.Compiled;
import dev.gwc.pipeline.Report;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hostnames of every route of a compiled set (from the graph's nodes: routes are kept as slim
 * manifests, without spec, when only routing reads them), and how specifically a route names a
 * host: what decides which data plane takes a request that several serve.
 */
public final class RouteHostnames {
  /** A route that names the host exactly. */
  public static final int EXACT = 4;

  /** A route whose wildcard hostname matches the host. */
  public static final int WILDCARD = 3;

  /** A route for any host. */
  public static final int ANY = 2;

  private final Map<RouteName, List<String>> hostnames;

  private RouteHostnames(Map<RouteName, List<String>> hostnames) {
    this.hostnames = Map.copyOf(hostnames);
  }

  /** The routes of a compiled set; none for null. */
  public static RouteHostnames of(Report report) {
    Map<RouteName, List<String>> out = new HashMap<>();
    if (report != null) {
      for (Compiled c : report.compiled()) {
        if (c.graphNode() instanceof RouteNode r) {
          out.put(new RouteName(r.kind(), r.namespace(), r.name()), r.hostnames());
        }
      }
    }
    return new RouteHostnames(out);
  }

  /** How specifically a route of the set names the host ({@link #ANY} for a route not in it). */
  public int specificity(RouteName route, String host) {
    return specificity(hostnames.getOrDefault(route, List.of()), host);
  }

  /** {@link #EXACT}, {@link #WILDCARD} or {@link #ANY}: the best of the hostnames for the host. */
  public static int specificity(List<String> routeHostnames, String host) {
    int rank = ANY;
    for (String h : routeHostnames) {
      if (h.equalsIgnoreCase(host)) {
        return EXACT;
      }
      if (Hostnames.wildcardMatches(h, host)) {
        rank = WILDCARD;
      }
    }
    return rank;
  }
}
