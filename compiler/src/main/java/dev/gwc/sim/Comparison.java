package dev.gwc.sim;

import dev.gwc.convert.Notification;
import java.util.ArrayList;
import java.util.List;

/**
 * The migration check: replays the same requests through the routing of two sets (typically
 * Ingresses routed as ingress-nginx does and their conversion routed as Gateway API), matching each
 * request to a data plane by port and host, and keeps every request that lands differently: status,
 * backend or weighted split, redirect Location, upstream path or Host. A difference on a path or
 * backend the conversion already reported is marked with that notification.
 */
public final class Comparison {
  private Comparison() {}

  /**
   * A request that lands differently.
   *
   * @param probe the request and where it came from
   * @param old the result in the old set
   * @param now the result in the new set
   * @param fields the outcome fields that differ
   * @param known conversion notifications that announce the difference
   */
  public record Difference(
      Probes.Probe probe, Result old, Result now, List<String> fields, List<Notification> known) {
    public Difference {
      fields = List.copyOf(fields);
      known = List.copyOf(known);
    }
  }

  /**
   * What the check found.
   *
   * @param requests how many requests were replayed
   * @param differences the requests that land differently, in replay order
   */
  public record Report(int requests, List<Difference> differences) {
    public Report {
      differences = List.copyOf(differences);
    }

    /** How many differences a conversion notification announces. */
    public long known() {
      return differences.stream().filter(d -> !d.known().isEmpty()).count();
    }
  }

  /**
   * Replays the requests through both sets.
   *
   * @param notes the notifications of converting the old set's Ingresses (may be empty)
   */
  public static Report run(
      RoutingSet old, RoutingSet now, List<Probes.Probe> requests, List<Notification> notes) {
    List<Difference> out = new ArrayList<>();
    for (Probes.Probe p : requests) {
      Result a = old.one(null, p.request());
      Result b = now.one(null, p.request());
      List<String> fields = Outcome.of(a).differences(Outcome.of(b));
      if (!fields.isEmpty()) {
        out.add(new Difference(p, a, b, fields, known(old.ingresses(), a, notes)));
      }
    }
    return new Report(requests.size(), out);
  }

  /**
   * The notifications about the Ingress path (or its backend's Service) that routed the request in
   * the old set.
   */
  private static List<Notification> known(
      IngressTable ingresses, Result old, List<Notification> notes) {
    Result.RouteHit hit = old.route();
    if (hit == null || !hit.kind().equals("Ingress")) {
      return List.of();
    }
    IngressLocation loc = ingresses.location(hit);
    List<String> names = new ArrayList<>();
    if (loc != null) {
      names.add("'" + loc.path() + "'");
      if (loc.backend() != null) {
        names.add("'" + loc.backend().namespace() + "/" + loc.backend().name() + "'");
      }
    }
    List<Notification> out = new ArrayList<>();
    for (Notification n : notes) {
      if ("Ingress".equals(n.resource().kind())
          && hit.namespace().equals(n.resource().namespace())
          && hit.name().equals(n.resource().name())
          && names.stream().anyMatch(n.message()::contains)) {
        out.add(n);
      }
    }
    return out;
  }
}
