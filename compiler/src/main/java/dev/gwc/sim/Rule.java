package dev.gwc.sim;

import java.util.List;

/**
 * One rule of a route.
 *
 * @param route the route
 * @param index the rule's index in spec.rules
 * @param filters the rule's filters, in order
 * @param backends its backendRefs
 */
public record Rule(RouteId route, int index, List<Filter> filters, List<BackendRef> backends) {
  public Rule {
    filters = List.copyOf(filters);
    backends = List.copyOf(backends);
  }
}
