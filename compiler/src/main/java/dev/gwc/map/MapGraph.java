package dev.gwc.map;

import java.util.List;

/**
 * What the map shows, before layout: nodes in namespace groups and the edges between them.
 * Immutable; the order of nodes and edges is the order they are drawn and laid out in.
 *
 * @param nodes every node, grouped by namespace in namespace order
 * @param edges every edge
 * @param caption what the picture is of (and the request and its outcome with {@code --request})
 */
public record MapGraph(List<Node> nodes, List<Edge> edges, String caption) {
  public MapGraph {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /**
   * The part of the map one Gateway serves: the Gateway, everything downstream of it (listeners,
   * ListenerSets, routes, backends, policies), and its GatewayClass.
   */
  public MapGraph ofGateway(String gatewayId) {
    java.util.Map<String, List<Edge>> out = new java.util.HashMap<>();
    for (Edge e : edges) {
      out.computeIfAbsent(e.from(), k -> new java.util.ArrayList<>()).add(e);
    }
    java.util.Set<String> keep = new java.util.HashSet<>();
    java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(gatewayId));
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (keep.add(id)) {
        out.getOrDefault(id, List.of()).forEach(e -> todo.push(e.to()));
      }
    }
    for (Edge e : edges) {
      if (e.to().equals(gatewayId)) {
        keep.add(e.from()); // its class
      }
      if (keep.contains(e.to()) && e.from().startsWith("policy:")) {
        keep.add(e.from());
      }
    }
    return new MapGraph(
        nodes.stream().filter(n -> keep.contains(n.id())).toList(),
        edges.stream().filter(e -> keep.contains(e.from()) && keep.contains(e.to())).toList(),
        caption + " — " + gatewayId.substring(gatewayId.indexOf(':') + 1));
  }

  /** How a node or edge is drawn. */
  public enum Status {
    /** Accepted and resolved. */
    OK,
    /** Works, with a warning. */
    WARNING,
    /** Not accepted, not resolved, or in conflict. */
    ERROR,
    /** Not in the input; assumed to exist. */
    ASSUMED;

    /** The CSS class and DOT/Mermaid class name. */
    public String css() {
      return "st-" + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The worse of two. */
    public Status worst(Status other) {
      return other.ordinal() > ordinal() && !(other == ASSUMED && this == ERROR) ? other : this;
    }
  }

  /**
   * A node.
   *
   * @param id unique, stable across runs ({@code gateway:infra/edge})
   * @param kind what it is: GatewayClass, Gateway, Listener, ListenerSet, HTTPRoute, Service, ...
   * @param namespace its namespace group, or "" for cluster-scoped objects
   * @param title the first line (kind and name)
   * @param lines the lines under it (addresses, hostnames, rules)
   * @param badges short tags drawn on it (filter types)
   * @param status its colour
   * @param tooltip conditions, reasons and where it is written
   * @param onPath whether the simulated request passed through it
   */
  public record Node(
      String id,
      String kind,
      String namespace,
      String title,
      List<String> lines,
      List<String> badges,
      Status status,
      String tooltip,
      boolean onPath) {
    public Node {
      lines = List.copyOf(lines);
      badges = List.copyOf(badges);
    }
  }

  /**
   * An edge.
   *
   * @param from the source node's id
   * @param to the target node's id
   * @param label a short label (rule and weight, reason), or ""
   * @param status its colour ({@link Status#ASSUMED} is drawn dashed)
   * @param tooltip what it stands for
   * @param onPath whether the simulated request took it
   */
  public record Edge(
      String from, String to, String label, Status status, String tooltip, boolean onPath) {}
}
