package dev.gwc.sim;

import java.util.List;

/**
 * One Gateway's part of the routing table.
 *
 * @param namespace the Gateway's namespace
 * @param name its name
 * @param listeners its listeners, in spec order
 */
public record GatewayTable(String namespace, String name, List<ListenerTable> listeners) {
  public GatewayTable {
    listeners = List.copyOf(listeners);
  }

  /** {@code namespace/name}. */
  public String display() {
    return namespace + "/" + name;
  }

  /** Whether any listener is on the port. */
  public boolean hasPort(int port) {
    return listeners.stream().anyMatch(l -> l.port == port);
  }
}
