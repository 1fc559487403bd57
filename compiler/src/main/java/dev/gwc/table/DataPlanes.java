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
 * @param istio the Istio ingress gateways, one per selector
 */
public record DataPlanes(
    RoutingTable gateways,
    IngressTable ingresses,
    RouteHostnames routeHostnames,
    IstioTable istio) {

  /**
   * The data planes of a compiled set. The Ingresses' table is built on another core while the
   * Gateways' is (whose last steps use one).
   *
   * @param withIngresses whether to route the set's Ingresses (false when they were converted)
   * @param withIstio whether to route the set's Istio ingress gateways (false when their Gateways
   *     and VirtualServices were converted)
   */
  public static DataPlanes of(Report report, boolean withIngresses, boolean withIstio) {
    return of(report, withIngresses, withIstio, IngressScope.DEFAULT);
  }

  /** The data planes of a compiled set, the ingress-nginx one serving what {@code scope} says. */
  public static DataPlanes of(
      Report report, boolean withIngresses, boolean withIstio, IngressScope scope) {
    Parallel.Started<IngressTable> ingresses =
        Parallel.start(
            "ingresses",
            () ->
                withIngresses
                    ? IngressTable.build(report, scope)
                    : IngressTable.build(List.of(), IngressScope.DEFAULT));
    RoutingTable gateways = RoutingTable.build(report);
    return new DataPlanes(
        gateways,
        ingresses.join(),
        RouteHostnames.of(report),
        withIstio ? IstioTable.build(report) : IstioTable.build(List.of()));
  }

  /** The Gateways of a routing table alone. */
  public static DataPlanes gatewaysOf(RoutingTable table) {
    return new DataPlanes(
        table,
        IngressTable.build(List.of(), IngressScope.DEFAULT),
        RouteHostnames.of(null),
        IstioTable.build(List.of()));
  }

  /**
   * What {@code --gateway} and a request line's {@code "gateway"} write to name an ingress class.
   */
  public static final String CLASS_PREFIX = "IngressClass/";

  /**
   * Whether {@code ref} names an Istio ingress gateway of the set ({@code istio:KEY=VALUE,...}).
   */
  public boolean isIstio(String ref) {
    return ref != null
        && ref.startsWith(IstioTable.PREFIX)
        && istio.bySelector(ref.substring(IstioTable.PREFIX.length())) != null;
  }

  /** Whether {@code ref} names an ingress class of the set ({@code IngressClass/NAME}). */
  public boolean isIngressClass(String ref) {
    return ref != null
        && ref.startsWith(CLASS_PREFIX)
        && ingresses.byName(ref.substring(CLASS_PREFIX.length())) != null;
  }

  /**
   * The Gateway {@code ref} names ({@code ns/name}, or {@code name} in {@code defaultNamespace}),
   * or null.
   */
  public GatewayTable gateway(String ref, String defaultNamespace) {
    int slash = ref.indexOf('/');
    String ns = slash < 0 ? defaultNamespace : ref.substring(0, slash);
    return gateways.gateway(ns, ref.substring(slash + 1));
  }

  /** {@code Gateways in the input: a/b, c/d} (or {@code none}), for a name that is not one. */
  public String knownGateways() {
    List<String> known =
        new java.util.ArrayList<>(gateways.gateways().stream().map(GatewayTable::display).toList());
    istio.selectors().forEach(t -> known.add(IstioTable.PREFIX + t.selector));
    return "Gateways in the input: " + (known.isEmpty() ? "none" : String.join(", ", known));
  }
}
