package dev.gwc.convert;

import dev.gwc.source.SourceSpan;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One converted Ingress path before it is grouped into routes: its match, filters and backends.
 *
 * @param namespace the namespace of the Ingress, where the route goes
 * @param host the host, "" for none
 * @param key what ingress-nginx merges on: host, exact or not, and path
 * @param match the route match (path and headers for HTTP, method and headers for gRPC); empty
 *     matches everything
 * @param filters the filters, in order
 * @param backends the backends; empty for a redirect or an unresolved backend
 * @param toHttps whether the HTTP listener redirects these requests to HTTPS
 * @param grpc whether this goes into a GRPCRoute
 * @param sources the {@code namespace/name} of every Ingress it came from
 * @param span where the path is written
 */
record Draft(
    String namespace,
    String host,
    String key,
    Map<String, Object> match,
    List<Map<String, Object>> filters,
    List<WeightedBackend> backends,
    boolean toHttps,
    boolean grpc,
    Set<String> sources,
    SourceSpan span) {
  Draft {
    match = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(match));
    filters = List.copyOf(filters);
    backends = List.copyOf(backends);
    sources = java.util.Collections.unmodifiableSet(new TreeSet<>(sources));
  }

  /**
   * A Service port with its share of traffic.
   *
   * @param service the Service name
   * @param port the port number
   * @param weight the weight, or null for the default (one backend)
   */
  record WeightedBackend(String service, long port, Integer weight) {}

  Draft withBackends(List<WeightedBackend> b, Set<String> moreSources) {
    Set<String> s = new TreeSet<>(sources);
    s.addAll(moreSources);
    return new Draft(namespace, host, key, match, filters, b, toHttps, grpc, s, span);
  }

  Draft withMatch(Map<String, Object> m) {
    return new Draft(namespace, host, key, m, filters, backends, toHttps, grpc, sources, span);
  }

  Draft withFilters(List<Map<String, Object>> f, List<WeightedBackend> b) {
    return new Draft(namespace, host, key, match, f, b, toHttps, grpc, sources, span);
  }
}
