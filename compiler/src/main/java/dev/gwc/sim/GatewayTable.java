package dev.gwc.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One Gateway's part of the routing table: its listeners, indexed by port. */
public final class GatewayTable {
  private final String namespace;
  private final String name;
  private final List<ListenerTable> listeners;
  private final Map<Integer, List<ListenerTable>> byPort = new HashMap<>();
  // Per port (in the order of ports), the routing of every hostname that has a virtual host of its
  // own: the listener and the virtual hosts a lookup visits, found with one hash lookup.
  private int[] ports = new int[0];
  // A host whose routes are one virtual host maps to its PathIndex (which knows the virtual host
  // and whether its listener routes by HTTP), saving a lookup the reads of two objects; other
  // hosts to a HostRoute.
  private List<RegionMap<Object>> hosts = List.of();

  /**
   * Where requests for one hostname on one port go.
   *
   * @param listener the listener that accepts them, or null
   * @param vhosts the indexes of its virtual hosts that match the hostname, most specific first
   */
  record HostRoute(ListenerTable listener, PathIndex[] vhosts) {}

  /**
   * @param namespace the Gateway's namespace
   * @param name its name
   * @param listeners its listeners, in spec order
   */
  GatewayTable(String namespace, String name, List<ListenerTable> listeners) {
    this.namespace = namespace;
    this.name = name;
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

  /** Indexes the known hostnames; called once the listeners are sealed. */
  void seal() {
    ports = byPort.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    List<RegionMap<Object>> out = new ArrayList<>();
    for (int port : ports) {
      RegionMap<Object> map = new RegionMap<>();
      for (ListenerTable l : byPort.get(port)) {
        for (String host : l.exactHostnames()) {
          if (map.get(host) == null) {
            ListenerTable chosen = Listeners.select(this, port, host, Trace.off());
            PathIndex[] vhosts =
                chosen == null
                    ? new PathIndex[0]
                    : chosen.hostsFor(host).stream()
                        .map(VirtualHost::paths)
                        .toArray(PathIndex[]::new);
            map.put(host, vhosts.length == 1 ? vhosts[0] : new HostRoute(chosen, vhosts));
          }
        }
      }
      out.add(map);
    }
    hosts = List.copyOf(out);
  }

  /**
   * The routing of a hostname the table knows on a port: the PathIndex of its one VirtualHost, or a
   * HostRoute; null when unknown (then select the listener).
   */
  Object known(int port, String host) {
    for (int i = 0; i < ports.length; i++) {
      if (ports[i] == port) {
        return hosts.get(i).get(host);
      }
    }
    return null;
  }

  /** Whether any listener is on the port. */
  public boolean hasPort(int port) {
    return byPort.containsKey(port);
  }

  /** Whether a listener of this Gateway accepts the request (port and hostname). */
  public boolean accepts(Request req) {
    return Listeners.select(this, req, Trace.off()) != null;
  }

  /** The listeners on a port, in spec order. */
  List<ListenerTable> onPort(int port) {
    return byPort.getOrDefault(port, List.of());
  }

  List<ListenerTable> listeners() {
    return listeners;
  }
}
