package dev.gwc.table;

import dev.gwc.concurrent.Parallel;
import dev.gwc.pipeline.Report;
import java.util.List;

/**
 * Every data plane of a compiled set, built once: its Gateways' routing table, its ingress classes,
 * and the hostnames of its routes (which decide between data planes that serve the same port).
 *
 * @param gateways the Gateways
 * @param ingresses the ingress classes (none when the set's Ingresses were converted)
 * @param routeHostnames the hostnames of every route
 */
public record DataPlanes(
    RoutingTable gateways, IngressTable ingresses, RouteHostnames routeHostnames) {

  /**
   * The data planes of a compiled set. The Ingresses' table is built on another core while the
   * Gateways' is (whose last steps use one).
   *
   * @param withIngresses whether to route the set's Ingresses (false when they were converted and
   *     compile as Gateway API)
   */
  public static DataPlanes of(Report report, boolean withIngresses) {
    Parallel.Started<IngressTable> ingresses =
        Parallel.start(
            "ingresses",
            () -> withIngresses ? IngressTable.build(report) : IngressTable.build(List.of()));
    RoutingTable gateways = RoutingTable.build(report);
    return new DataPlanes(gateways, ingresses.join(), RouteHostnames.of(report));
  }

  /** The Gateways of a routing table alone. */
  public static DataPlanes gatewaysOf(RoutingTable table) {
    return new DataPlanes(table, IngressTable.build(List.of()), RouteHostnames.of(null));
  }
}
