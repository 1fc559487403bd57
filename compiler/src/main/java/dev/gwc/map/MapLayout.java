package dev.gwc.map;

import dev.gwc.map.MapGraph.Edge;
import dev.gwc.map.MapGraph.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Places a {@link MapGraph} with the Eclipse Layout Kernel's layered algorithm, left to right
 * (class, Gateway, listener, route, backend), each namespace a box around its nodes, edges routed
 * orthogonally. The same graph gives the same coordinates (a fixed random seed, nodes and edges in
 * the graph's order).
 */
public final class MapLayout {
  /** Text metrics of the monospace font the SVG uses, at {@link #FONT_SIZE}. */
  static final double CHAR_WIDTH = 7.2;

  static final double LINE_HEIGHT = 15;
  static final int FONT_SIZE = 12;
  static final double PADDING = 8;
  static final double GROUP_LABEL = 22;
  static final double LABEL_CHAR_WIDTH = 6;
  static final double LABEL_HEIGHT = 12;

  private static volatile boolean registered;

  private MapLayout() {}

  /**
   * A laid out map.
   *
   * @param graph what was laid out
   * @param boxes each node's box, by id
   * @param groups each namespace's box, by namespace ("" for cluster-scoped objects)
   * @param routes each edge's polyline (start, bends, end), in the graph's edge order; empty for an
   *     edge whose ends are not both nodes
   * @param labels where each edge's label goes (its top-left corner), or null
   * @param width the picture's width
   * @param height the picture's height
   */
  public record Laid(
      MapGraph graph,
      Map<String, Box> boxes,
      Map<String, Box> groups,
      List<List<double[]>> routes,
      List<double[]> labels,
      double width,
      double height) {}

  /** A rectangle. */
  public record Box(double x, double y, double width, double height) {}

  /** The size a node needs for its text. */
  static Box size(Node n) {
    int chars = n.title().length();
    for (String line : n.lines()) {
      chars = Math.max(chars, line.length());
    }
    int badgeChars = 0;
    for (String b : n.badges()) {
      badgeChars += b.length() + 2;
    }
    chars = Math.max(chars, badgeChars);
    double width = Math.ceil(chars * CHAR_WIDTH + 2 * PADDING);
    double height =
        Math.ceil(
            (1 + n.lines().size() + (n.badges().isEmpty() ? 0 : 1)) * LINE_HEIGHT + 2 * PADDING);
    return new Box(0, 0, Math.max(width, 80), height);
  }

  /**
   * Above this many nodes the layered layout takes seconds (measured: 1,900 nodes took 4 s, growing
   * faster than the node count) and the map is laid out in plain columns instead ({@link
   * #columns}).
   */
  public static final int LAYERED_UP_TO = 500;

  /** Lays the graph out: layered (ELK) up to {@link #LAYERED_UP_TO} nodes, else in columns. */
  public static Laid layout(MapGraph graph) {
    return graph.nodes().size() <= LAYERED_UP_TO ? layered(graph) : columns(graph);
  }

  /**
   * Columns by kind (classes, Gateways, ListenerSets, listeners, routes, backends, policies), nodes
   * stacked in the graph's order, edges drawn as three-segment lines between the columns: linear in
   * the size of the graph, for sets too large for the layered layout.
   */
  static Laid columns(MapGraph graph) {
    double gap = 80;
    Map<Integer, Double> columnWidth = new java.util.TreeMap<>();
    for (Node n : graph.nodes()) {
      columnWidth.merge(column(n), size(n).width(), Math::max);
    }
    Map<Integer, Double> columnX = new HashMap<>();
    double x = 20;
    for (Map.Entry<Integer, Double> c : columnWidth.entrySet()) {
      columnX.put(c.getKey(), x);
      x += c.getValue() + gap;
    }
    Map<Integer, Double> nextY = new HashMap<>();
    Map<String, Box> boxes = new LinkedHashMap<>();
    double height = 0;
    for (Node n : graph.nodes()) {
      int c = column(n);
      double y = nextY.getOrDefault(c, 20.0);
      Box size = size(n);
      boxes.put(n.id(), new Box(columnX.get(c), y, size.width(), size.height()));
      nextY.put(c, y + size.height() + 12);
      height = Math.max(height, y + size.height() + 20);
    }
    List<List<double[]>> routes = new ArrayList<>();
    List<double[]> labels = new ArrayList<>();
    for (Edge e : graph.edges()) {
      Box from = boxes.get(e.from());
      Box to = boxes.get(e.to());
      if (from == null || to == null) {
        routes.add(List.of());
        labels.add(null);
        continue;
      }
      double x1 = from.x() + from.width();
      double y1 = from.y() + from.height() / 2;
      double x2 = to.x();
      double y2 = to.y() + to.height() / 2;
      double mid = x2 - gap / 2;
      routes.add(
          List.of(
              new double[] {x1, y1},
              new double[] {mid, y1},
              new double[] {mid, y2},
              new double[] {x2, y2}));
      labels.add(e.label().isEmpty() ? null : new double[] {mid + 2, y2 - LABEL_HEIGHT});
    }
    return new Laid(graph, boxes, new LinkedHashMap<>(), routes, labels, x, height);
  }

  /** A node's column in {@link #columns}. */
  private static int column(Node n) {
    return switch (n.kind()) {
      case "GatewayClass" -> 0;
      case "Gateway" -> 1;
      case "ListenerSet" -> 2;
      case "Listener" -> 3;
      case "HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute" -> 4;
      case "BackendTLSPolicy" -> 6;
      default -> 5;
    };
  }

  /** The layered layout of the Eclipse Layout Kernel. */
  static Laid layered(MapGraph graph) {
    register();
    ElkNode root = ElkGraphUtil.createGraph();
    root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
    root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
    root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
    root.setProperty(CoreOptions.RANDOM_SEED, 1);
    root.setProperty(CoreOptions.SPACING_NODE_NODE, 18.0);
    root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 60.0);
    root.setProperty(CoreOptions.PADDING, new ElkPadding(20));
    Map<String, ElkNode> groups = new LinkedHashMap<>();
    Map<String, ElkNode> elkNodes = new HashMap<>();
    for (Node n : graph.nodes()) {
      ElkNode group =
          groups.computeIfAbsent(
              n.namespace(),
              ns -> {
                ElkNode g = ElkGraphUtil.createNode(root);
                g.setIdentifier("ns:" + ns);
                g.setProperty(CoreOptions.PADDING, new ElkPadding(GROUP_LABEL + 8, 12, 12, 12));
                return g;
              });
      ElkNode e = ElkGraphUtil.createNode(group);
      e.setIdentifier(n.id());
      Box size = size(n);
      e.setDimensions(size.width(), size.height());
      elkNodes.put(n.id(), e);
    }
    List<ElkEdge> elkEdges = new ArrayList<>();
    for (Edge edge : graph.edges()) {
      ElkNode from = elkNodes.get(edge.from());
      ElkNode to = elkNodes.get(edge.to());
      if (from == null || to == null) {
        elkEdges.add(null);
        continue;
      }
      ElkEdge e = ElkGraphUtil.createSimpleEdge(from, to);
      ElkGraphUtil.updateContainment(e);
      if (!edge.label().isEmpty()) {
        ElkLabel label = ElkGraphUtil.createLabel(edge.label(), e);
        label.setDimensions(edge.label().length() * LABEL_CHAR_WIDTH + 4, LABEL_HEIGHT);
      }
      elkEdges.add(e);
    }
    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

    Map<String, Box> boxes = new LinkedHashMap<>();
    for (Node n : graph.nodes()) {
      boxes.put(n.id(), absolute(elkNodes.get(n.id())));
    }
    Map<String, Box> groupBoxes = new LinkedHashMap<>();
    groups.forEach((ns, g) -> groupBoxes.put(ns, absolute(g)));
    List<List<double[]>> routes = new ArrayList<>();
    List<double[]> labels = new ArrayList<>();
    for (ElkEdge e : elkEdges) {
      List<double[]> points = new ArrayList<>();
      double[] label = null;
      if (e != null && !e.getLabels().isEmpty()) {
        Box origin = absolute(e.getContainingNode());
        ElkLabel l = e.getLabels().get(0);
        label = new double[] {origin.x() + l.getX(), origin.y() + l.getY()};
      }
      labels.add(label);
      if (e != null && !e.getSections().isEmpty()) {
        Box origin = absolute(e.getContainingNode());
        for (ElkEdgeSection s : e.getSections()) {
          points.add(new double[] {origin.x() + s.getStartX(), origin.y() + s.getStartY()});
          for (ElkBendPoint b : s.getBendPoints()) {
            points.add(new double[] {origin.x() + b.getX(), origin.y() + b.getY()});
          }
          points.add(new double[] {origin.x() + s.getEndX(), origin.y() + s.getEndY()});
        }
      }
      routes.add(points);
    }
    return new Laid(graph, boxes, groupBoxes, routes, labels, root.getWidth(), root.getHeight());
  }

  /** A node's box in the root's coordinates (ELK's are relative to the parent). */
  private static Box absolute(ElkNode n) {
    double x = 0;
    double y = 0;
    for (ElkNode p = n.getParent(); p != null; p = p.getParent()) {
      x += p.getX();
      y += p.getY();
    }
    return n.getParent() == null
        ? new Box(0, 0, n.getWidth(), n.getHeight())
        : new Box(x + n.getX(), y + n.getY(), n.getWidth(), n.getHeight());
  }

  private static void register() {
    if (!registered) {
      synchronized (MapLayout.class) {
        if (!registered) {
          LayoutMetaDataService.getInstance()
              .registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
          registered = true;
        }
      }
    }
  }
}
