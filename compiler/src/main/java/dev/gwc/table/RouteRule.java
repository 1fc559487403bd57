package dev.gwc.table;

import java.util.List;

/**
 * One rule of a route.
 *
 * @param route the route
 * @param index the rule's index in spec.rules
 * @param filters the rule's filters, in order
 * @param backends its backendRefs
 */
public record RouteRule(RouteId route, int index, List<Filter> filters, List<BackendRef> backends) {
  public RouteRule {
    filters = List.copyOf(filters);
    backends = List.copyOf(backends);
  }

  /** {@code HTTPRoute ns/name rule 0 match 1}: how traces name one match of this rule. */
  public String describe(int match) {
    return route.kind() + " " + route.display() + " rule " + index + " match " + match;
  }
}
