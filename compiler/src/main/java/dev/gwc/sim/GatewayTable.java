package dev.gwc.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** One Gateway's part of the routing table: its listeners, indexed by port. */
public final class GatewayTable {
  private final String namespace;
  private final String name;
  private final Result.GatewayId id;
  private final List<ListenerTable> listeners;
  private final Map<Integer, List<ListenerTable>> byPort = new HashMap<>();
  // A label no hostname has (hostnames are DNS names).
  private static final String UNNAMED = "\0";
  // The ports with listeners, and per port (in that order) the index of the hostnames it routes.
  private int[] ports = new int[0];
  private HostIndex[] hosts = new HostIndex[0];

  /**
   * @param namespace the Gateway's namespace
   * @param name its name
   * @param listeners its listeners, in spec order
   */
  GatewayTable(String namespace, String name, List<ListenerTable> listeners) {
    this.namespace = namespace;
    this.name = name;
    this.id = new Result.GatewayId(namespace, name);
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

  /**
   * Indexes, per port, the hostnames and wildcard suffixes the listeners know; called once the
   * listeners are sealed.
   */
  void seal() {
    ports = byPort.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    hosts = new HostIndex[ports.length];
    for (int i = 0; i < ports.length; i++) {
      int port = ports[i];
      HostIndex.Builder b = new HostIndex.Builder();
      Set<String> names = new HashSet<>();
      Set<String> suffixes = new TreeSet<>();
      for (ListenerTable l : byPort.get(port)) {
        for (String host : l.exactHostnames()) {
          if (names.add(host)) {
            ListenerTable chosen = Listeners.select(this, port, host, Trace.off());
            b.name(host, chosen, chosen == null ? List.of() : chosen.hostsFor(host));
          }
        }
        suffixes.addAll(l.suffixes());
      }
      // A host known by no name is routed as one made of its longest suffix in the table and a
      // label that no name has.
      for (String suffix : suffixes) {
        String host = UNNAMED + suffix;
        ListenerTable chosen = Listeners.select(this, port, host, Trace.off());
        b.suffix(suffix, chosen, chosen == null ? List.of() : chosen.hostsFor(host));
      }
      ListenerTable chosen = Listeners.select(this, port, UNNAMED, Trace.off());
      b.any(chosen, chosen == null ? List.of() : chosen.hostsFor(UNNAMED));
      hosts[i] = b.build();
    }
  }

  /**
   * The routing decision for an HTTP request, without filters or trace ({@link Simulator#lookup}).
   */
  Simulator.Decision decide(Request req, long seed) {
    for (int i = 0; i < ports.length; i++) {
      if (ports[i] == req.port()) {
        return hosts[i].decide(req, seed);
      }
    }
    return null;
  }

  /** The Gateway's name as a result names it (one object for every result). */
  Result.GatewayId id() {
    return id;
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
