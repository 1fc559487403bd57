package dev.gwc.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts of a replay: requests per status (404s, 500s …), per route and per backend. */
public final class ReplaySummary {
  // Counted by value (hashing records, not building strings), named and sorted when rendered.
  private final Map<RouteKey, int[]> routeCounts = new HashMap<>();
  private final Map<BackendRef, int[]> backendCounts = new IdentityHashMap<>();
  private final Map<Integer, Integer> statuses = new TreeMap<>();
  private int total;

  private record RouteKey(String kind, String namespace, String name) {}

  public void add(Result r) {
    total++;
    statuses.merge(r.status(), 1, Integer::sum);
    if (r.route() != null) {
      routeCounts
          .computeIfAbsent(
              new RouteKey(r.route().kind(), r.route().namespace(), r.route().name()),
              k -> new int[1])[0]++;
    }
    if (r.backend() != null) {
      backendCounts.computeIfAbsent(r.backend(), k -> new int[1])[0]++;
    }
  }

  /** {@code N requests: a x 200, b x 404}, then one line per route and per backend. */
  public String render() {
    Map<String, Integer> routes = new TreeMap<>();
    routeCounts.forEach(
        (k, n) ->
            routes.merge(k.kind() + " " + k.namespace() + "/" + k.name(), n[0], Integer::sum));
    Map<String, Integer> backends = new TreeMap<>();
    backendCounts.forEach((k, n) -> backends.merge(k.display(), n[0], Integer::sum));
    StringBuilder sb = new StringBuilder();
    sb.append(total).append(" requests: ");
    List<String> parts = new ArrayList<>();
    statuses.forEach((s, n) -> parts.add(n + " x " + s));
    sb.append(String.join(", ", parts)).append('\n');
    routes.forEach((k, n) -> sb.append("  route ").append(k).append(": ").append(n).append('\n'));
    backends.forEach(
        (k, n) -> sb.append("  backend ").append(k).append(": ").append(n).append('\n'));
    return sb.toString();
  }
}
