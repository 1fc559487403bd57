package dev.gwc.table;

/**
 * One data plane of a set, as a result names it: a Gateway (routed as Gateway API) or an ingress
 * class (routed as ingress-nginx routes Ingresses). The simulator routes each kind its own way;
 * this is what choosing among them needs.
 */
public sealed interface DataPlane permits GatewayTable, IngressTable.IngressClassTable {
  /** The name a result gives it. */
  GatewayId id();
}
