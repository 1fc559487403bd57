package dev.gwc.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One Gateway's part of the routing table: its listeners, indexed by port. */
public final class GatewayTable implements DataPlane {
  private final String namespace;
  private final String name;
  private final GatewayId id;
  private final List<ListenerTable> listeners;
  private final Map<Integer, List<ListenerTable>> byPort = new HashMap<>();

  /**
   * @param namespace the Gateway's namespace
   * @param name its name
   * @param listeners its listeners, in spec order
   */
  GatewayTable(String namespace, String name, List<ListenerTable> listeners) {
    this.namespace = namespace;
    this.name = name;
    this.id = new GatewayId(namespace, name);
    this.listeners = List.copyOf(listeners);
    for (ListenerTable l : listeners) {
      byPort.computeIfAbsent(l.port, p -> new ArrayList<>()).add(l);
    }
  }

  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  /** {@code namespace/name}. */
  public String display() {
    return namespace + "/" + name;
  }

  /** The Gateway's name as a result names it (one object for every result). */
  @Override
  public GatewayId id() {
    return id;
  }

  /** The ports of its listeners, in ascending order. */
  public List<Integer> ports() {
    return byPort.keySet().stream().sorted().toList();
  }

  /** Whether a listener on the port terminates TLS for HTTP (protocol HTTPS). */
  public boolean terminatesHttpsOn(int port) {
    for (ListenerTable l : onPort(port)) {
      if (l.protocol.equals("HTTPS")) {
        return true;
      }
    }
    return false;
  }

  /** Whether any listener is on the port. */
  public boolean hasPort(int port) {
    return byPort.containsKey(port);
  }

  /** The listeners on a port, in spec order. */
  public List<ListenerTable> onPort(int port) {
    return byPort.getOrDefault(port, List.of());
  }

  public List<ListenerTable> listeners() {
    return listeners;
  }
}
