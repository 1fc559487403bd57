package dev.gwc.table;

import java.util.ArrayList;
import java.util.List;

/**
 * One path of an Ingress as ingress-nginx serves it: an nginx location of a server.
 *
 * @param ingress the Ingress that defines it
 * @param rule the index of its rule in spec.rules, or -1 for a server's root location
 * @param index the index of the path in the rule, or -1 for a server's root location
 * @param path the path as written
 * @param pathType Exact, Prefix or ImplementationSpecific; "Root" for a server's root location
 * @param backend where it proxies to, or null for the controller's default backend (404)
 * @param problem why the backend cannot be reached (503), or null
 * @param options the annotations of the Ingress that defines it
 * @param canaries canary Ingresses that take requests from it, oldest first
 */
public record IngressLocation(
    RouteId ingress,
    int rule,
    int index,
    String path,
    String pathType,
    BackendRef backend,
    String problem,
    NginxOptions options,
    List<Canary> canaries) {

  public IngressLocation {
    canaries = List.copyOf(canaries);
  }

  /**
   * A canary Ingress's backend for this location.
   *
   * @param ingress the canary Ingress
   * @param backend its backend, or null when it cannot be reached
   * @param rules its canary annotations
   */
  public record Canary(RouteId ingress, BackendRef backend, NginxOptions.Canary rules) {}

  /** A copy with one more canary. */
  IngressLocation withCanary(Canary c) {
    List<Canary> all = new ArrayList<>(canaries);
    all.add(c);
    return new IngressLocation(
        ingress, rule, index, path, pathType, backend, problem, options, all);
  }

  /** Whether this is the root location ingress-nginx adds to every server. */
  boolean root() {
    return rule < 0;
  }

  /** Who defines it, for the trace. */
  public String describe() {
    if (root()) {
      return "root location of the server"
          + (ingress == null ? "" : " (from Ingress " + ingress.display() + ")");
    }
    return "Ingress "
        + ingress.display()
        + " rule "
        + rule
        + " path "
        + index
        + " ("
        + pathType
        + " '"
        + path
        + "')";
  }
}
