package dev.gwc.map;

import dev.gwc.map.MapGraph.Edge;
import dev.gwc.map.MapGraph.Node;
import dev.gwc.map.MapGraph.Status;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The map as text for other tools: Graphviz DOT (a cluster per namespace, colours and tooltips as
 * attributes) and Mermaid (a flowchart with a subgraph per namespace and a class per status).
 * Neither needs a layout: the tools lay out themselves.
 */
public final class TextFormats {
  private TextFormats() {}

  /** Graphviz DOT. */
  public static String dot(MapGraph g) {
    StringBuilder sb = new StringBuilder();
    sb.append("digraph gwc {\n  rankdir=LR;\n  label=").append(quote(g.caption())).append(";\n");
    sb.append(
        "  node [shape=box, style=\"rounded,filled\", fontname=\"monospace\", fontsize=10];\n");
    for (Map.Entry<String, List<Node>> group : groups(g).entrySet()) {
      String ns = group.getKey();
      sb.append("  subgraph ")
          .append(quote("cluster_" + (ns.isEmpty() ? "cluster" : ns)))
          .append(" {\n    label=")
          .append(quote(ns.isEmpty() ? "cluster" : "namespace " + ns))
          .append(";\n");
      for (Node n : group.getValue()) {
        StringBuilder label = new StringBuilder(n.title());
        n.lines().forEach(l -> label.append('\n').append(l));
        sb.append("    ")
            .append(quote(n.id()))
            .append(" [label=")
            .append(quote(label.toString()))
            .append(", tooltip=")
            .append(quote(n.tooltip()))
            .append(", ")
            .append(dotStyle(n.status()))
            .append(n.onPath() ? ", penwidth=3, color=\"#0969da\"" : "")
            .append("];\n");
      }
      sb.append("  }\n");
    }
    for (Edge e : g.edges()) {
      sb.append("  ")
          .append(quote(e.from()))
          .append(" -> ")
          .append(quote(e.to()))
          .append(" [label=")
          .append(quote(e.label()))
          .append(", tooltip=")
          .append(quote(e.tooltip()))
          .append(e.status() == Status.ERROR ? ", color=\"#cf222e\", style=dashed" : "")
          .append(e.status() == Status.ASSUMED ? ", style=dashed" : "")
          .append(e.onPath() ? ", penwidth=3, color=\"#0969da\"" : "")
          .append("];\n");
    }
    return sb.append("}\n").toString();
  }

  /** A Mermaid flowchart. */
  public static String mermaid(MapGraph g) {
    StringBuilder sb = new StringBuilder("flowchart LR\n");
    Map<String, String> ids = new HashMap<>();
    for (Node n : g.nodes()) {
      ids.put(n.id(), "n" + ids.size());
    }
    for (Map.Entry<String, List<Node>> group : groups(g).entrySet()) {
      String ns = group.getKey();
      sb.append("  subgraph ")
          .append(ns.isEmpty() ? "cluster" : "ns_" + ns.replaceAll("[^A-Za-z0-9_]", "_"))
          .append("[\"")
          .append(ns.isEmpty() ? "cluster" : "namespace " + ns)
          .append("\"]\n");
      for (Node n : group.getValue()) {
        StringBuilder label = new StringBuilder(mermaidText(n.title()));
        n.lines().forEach(l -> label.append("<br/>").append(mermaidText(l)));
        sb.append("    ")
            .append(ids.get(n.id()))
            .append("[\"")
            .append(label)
            .append("\"]:::")
            .append(n.onPath() ? "path" : n.status().name().toLowerCase(java.util.Locale.ROOT))
            .append('\n');
      }
      sb.append("  end\n");
    }
    for (Edge e : g.edges()) {
      if (!ids.containsKey(e.from()) || !ids.containsKey(e.to())) {
        continue;
      }
      String arrow = e.status() == Status.ERROR || e.status() == Status.ASSUMED ? "-.->" : "-->";
      sb.append("  ")
          .append(ids.get(e.from()))
          .append(' ')
          .append(arrow)
          .append(e.label().isEmpty() ? "" : "|" + mermaidText(e.label()) + "|")
          .append(' ')
          .append(ids.get(e.to()))
          .append('\n');
    }
    sb.append("  classDef ok fill:#dafbe1,stroke:#1a7f37\n")
        .append("  classDef warning fill:#fff8c5,stroke:#bf8700\n")
        .append("  classDef error fill:#ffebe9,stroke:#cf222e\n")
        .append("  classDef assumed fill:#ffffff,stroke:#8c959f,stroke-dasharray:5 3\n")
        .append("  classDef path fill:#ddf4ff,stroke:#0969da,stroke-width:3px\n");
    return sb.toString();
  }

  private static Map<String, List<Node>> groups(MapGraph g) {
    Map<String, List<Node>> out = new LinkedHashMap<>();
    for (Node n : g.nodes()) {
      out.computeIfAbsent(n.namespace(), k -> new java.util.ArrayList<>()).add(n);
    }
    return out;
  }

  private static String dotStyle(Status s) {
    return switch (s) {
      case OK -> "fillcolor=\"#dafbe1\", color=\"#1a7f37\"";
      case WARNING -> "fillcolor=\"#fff8c5\", color=\"#bf8700\"";
      case ERROR -> "fillcolor=\"#ffebe9\", color=\"#cf222e\"";
      case ASSUMED -> "fillcolor=\"#ffffff\", color=\"#8c959f\", style=\"rounded,dashed\"";
    };
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  /** Text inside a Mermaid label: quotes and angle brackets as entities. */
  private static String mermaidText(String s) {
    return s.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
  }
}
