package dev.gwc.table;

import java.util.List;

/**
 * A backendRef of a rule, as the graph stage resolved it.
 *
 * @param group the group ("" for core)
 * @param kind the kind (Service by default)
 * @param namespace the namespace
 * @param name the name
 * @param port the port, or null
 * @param weight the weight (default 1)
 * @param filters the backendRef's own filters
 * @param invalid why the reference does not resolve (ResolvedRefs=False), or null when it does
 * @param assumed whether the Service is not in the input and is assumed to exist
 * @param subset the Istio DestinationRule subset, or null (Gateway API and Ingress backends)
 */
public record BackendRef(
    String group,
    String kind,
    String namespace,
    String name,
    Integer port,
    int weight,
    List<Filter> filters,
    String invalid,
    boolean assumed,
    String subset) {

  public BackendRef {
    filters = List.copyOf(filters);
  }

  /** A backendRef of Gateway API or an Ingress (no subset). */
  public BackendRef(
      String group,
      String kind,
      String namespace,
      String name,
      Integer port,
      int weight,
      List<Filter> filters,
      String invalid,
      boolean assumed) {
    this(group, kind, namespace, name, port, weight, filters, invalid, assumed, null);
  }

  /** {@code Service ns/name:port} (and {@code subset v1}). */
  public String display() {
    return kind
        + " "
        + namespace
        + "/"
        + name
        + (port == null ? "" : ":" + port)
        + (subset == null ? "" : " subset " + subset);
  }
}
