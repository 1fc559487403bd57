package dev.gwc.table;

/**
 * A route's identity, with its creation timestamp for precedence.
 *
 * @param kind HTTPRoute, GRPCRoute, TLSRoute, TCPRoute or UDPRoute
 * @param namespace its namespace
 * @param name its name
 * @param created metadata.creationTimestamp (RFC 3339), or null when the manifest has none
 */
public record RouteId(String kind, String namespace, String name, String created) {
  /** {@code namespace/name}. */
  public String display() {
    return namespace + "/" + name;
  }
}
