package dev.gwc.table;

/**
 * One data plane of a set, as a result names it: a Gateway (routed as Gateway API), an ingress
 * class (routed as ingress-nginx routes Ingresses) or an Istio ingress gateway (one per selector).
 * The simulator routes each kind its own way; this is what choosing among them needs.
 */
public sealed interface DataPlane
    permits GatewayTable, IngressTable.IngressClassTable, IstioTable.SelectorTable {
  /** The name a result gives it. */
  GatewayId id();
}
