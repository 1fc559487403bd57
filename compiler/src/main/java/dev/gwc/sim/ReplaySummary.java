package dev.gwc.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts of a replay: requests per status (404s, 500s …), per route and per backend. */
public final class ReplaySummary {
  private final Map<String, Integer> routes = new TreeMap<>();
  private final Map<String, Integer> backends = new TreeMap<>();
  private final Map<Integer, Integer> statuses = new TreeMap<>();
  private int total;

  public void add(Result r) {
    total++;
    statuses.merge(r.status(), 1, Integer::sum);
    if (r.route() != null) {
      routes.merge(
          r.route().kind() + " " + r.route().namespace() + "/" + r.route().name(), 1, Integer::sum);
    }
    if (r.backend() != null) {
      backends.merge(r.backend().display(), 1, Integer::sum);
    }
  }

  /** {@code N requests: a x 200, b x 404}, then one line per route and per backend. */
  public String render() {
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
