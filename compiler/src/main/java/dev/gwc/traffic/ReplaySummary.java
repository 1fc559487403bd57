package dev.gwc.traffic;

import dev.gwc.sim.Result;
import dev.gwc.table.BackendRef;
import dev.gwc.table.RouteName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts of a replay: requests per status (404s, 500s …), per route and per backend. Safe to add to
 * from several threads (a replay counts its results where it simulates them).
 */
public final class ReplaySummary {
  // Counted by value (hashing records, not building strings), named and sorted when rendered.
  private final Map<RouteName, AtomicInteger> routeCounts = new ConcurrentHashMap<>();
  private final Map<SameRef, AtomicInteger> backendCounts = new ConcurrentHashMap<>();
  private final Map<Integer, AtomicInteger> statusCounts = new ConcurrentHashMap<>();
  private final AtomicInteger total = new AtomicInteger();
  private final AtomicInteger unreadable = new AtomicInteger();

  /**
   * A backendRef of the table, by identity: a result names one of the table's own objects, and
   * hashing a record with its filters for every request cost more than the rest of the counting.
   * Equal refs of different rules are counted apart and merged by name when rendered.
   */
  private record SameRef(BackendRef ref) {
    @Override
    public boolean equals(Object o) {
      return o instanceof SameRef other && other.ref == ref;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(ref);
    }
  }

  /** Counts a line that could not be read (no request, so no status). */
  public void addUnreadable() {
    unreadable.incrementAndGet();
  }

  /** How many lines could not be read. */
  public int unreadable() {
    return unreadable.get();
  }

  public void add(Result r) {
    total.incrementAndGet();
    statusCounts.computeIfAbsent(r.status(), k -> new AtomicInteger()).incrementAndGet();
    if (r.route() != null) {
      routeCounts
          .computeIfAbsent(
              new RouteName(r.route().kind(), r.route().namespace(), r.route().name()),
              k -> new AtomicInteger())
          .incrementAndGet();
    }
    if (r.backend() != null) {
      backendCounts
          .computeIfAbsent(new SameRef(r.backend()), k -> new AtomicInteger())
          .incrementAndGet();
    }
  }

  /** {@code N requests: a x 200, b x 404}, then one line per route and per backend. */
  public String render() {
    Map<String, Integer> routes = new TreeMap<>();
    routeCounts.forEach(
        (k, n) ->
            routes.merge(k.kind() + " " + k.namespace() + "/" + k.name(), n.get(), Integer::sum));
    Map<String, Integer> backends = new TreeMap<>();
    backendCounts.forEach((k, n) -> backends.merge(k.ref().display(), n.get(), Integer::sum));
    Map<Integer, Integer> statuses = new TreeMap<>();
    statusCounts.forEach((k, n) -> statuses.put(k, n.get()));
    StringBuilder sb = new StringBuilder();
    sb.append(total.get()).append(" requests: ");
    List<String> parts = new ArrayList<>();
    statuses.forEach((s, n) -> parts.add(n + " x " + s));
    sb.append(String.join(", ", parts)).append('\n');
    if (unreadable.get() > 0) {
      sb.append("  ")
          .append(unreadable.get())
          .append(unreadable.get() == 1 ? " line" : " lines")
          .append(" could not be read (an \"error\" result in its place)\n");
    }
    routes.forEach((k, n) -> sb.append("  route ").append(k).append(": ").append(n).append('\n'));
    backends.forEach(
        (k, n) -> sb.append("  backend ").append(k).append(": ").append(n).append('\n'));
    return sb.toString();
  }
}
