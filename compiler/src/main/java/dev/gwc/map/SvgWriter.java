package dev.gwc.map;

import dev.gwc.map.MapGraph.Edge;
import dev.gwc.map.MapGraph.Node;
import dev.gwc.map.MapLayout.Box;
import java.util.List;
import java.util.Locale;

/**
 * A laid out map as SVG: namespace boxes, edges (dashed when assumed), then nodes with their text,
 * each with a {@code <title>} tooltip and {@code data-} attributes the HTML page's script reads.
 * Colours come from CSS classes ({@code st-ok}, {@code st-warning}, {@code st-error}, {@code
 * st-assumed}, {@code on-path}) so that the page and the plain SVG share one style sheet.
 */
public final class SvgWriter {
  /** The style of a map, inside the SVG (and used by the HTML page as is). */
  static final String STYLE =
      """
      .map text { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; fill: #1f2328; }
      .map .group rect { fill: #f6f8fa; stroke: #d0d7de; }
      .map .group text { font-weight: 600; fill: #57606a; }
      .map .node rect.box { stroke-width: 1.5; rx: 6; }
      .map .node text.title { font-weight: 600; }
      .map .node .badge { fill: #ddf4ff; stroke: #54aeff; }
      .map .st-ok rect.box { fill: #dafbe1; stroke: #1a7f37; }
      .map .st-warning rect.box { fill: #fff8c5; stroke: #bf8700; }
      .map .st-error rect.box { fill: #ffebe9; stroke: #cf222e; }
      .map .st-assumed rect.box { fill: #ffffff; stroke: #8c959f; stroke-dasharray: 5 3; }
      .map .edge path { fill: none; stroke: #8c959f; stroke-width: 1.3; }
      .map .edge.st-error path { stroke: #cf222e; stroke-dasharray: 6 3; }
      .map .edge.st-warning path { stroke: #bf8700; }
      .map .edge.st-assumed path { stroke-dasharray: 5 3; }
      .map .edge text { font-size: 10px; fill: #57606a; }
      .map .on-path rect.box { stroke: #0969da; stroke-width: 3.5; }
      .map .edge.on-path path { stroke: #0969da; stroke-width: 3.5; stroke-dasharray: none; }
      .map .caption { font-size: 13px; font-weight: 600; }
      """;

  private SvgWriter() {}

  /** The SVG document. */
  public static String svg(MapLayout.Laid laid) {
    StringBuilder sb = new StringBuilder();
    double height = laid.height() + 30;
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" viewBox=\"0 0 ")
        .append(num(laid.width()))
        .append(' ')
        .append(num(height))
        .append("\" width=\"")
        .append(num(laid.width()))
        .append("\" height=\"")
        .append(num(height))
        .append("\">\n<style>\n")
        .append(STYLE)
        .append(
            "</style>\n<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\""
                + " markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\""
                + " orient=\"auto-start-reverse\"><path d=\"M0,0"
                + " L10,5 L0,10 z\" fill=\"#8c959f\"/></marker></defs>\n")
        .append("<text class=\"caption\" x=\"20\" y=\"18\">")
        .append(escape(laid.graph().caption()))
        .append("</text>\n<g transform=\"translate(0,24)\">\n");
    laid.groups()
        .forEach(
            (ns, box) -> {
              String label = ns.isEmpty() ? "cluster" : "namespace " + ns;
              sb.append("<g class=\"group\" data-namespace=\"")
                  .append(escape(ns))
                  .append("\"><rect x=\"")
                  .append(num(box.x()))
                  .append("\" y=\"")
                  .append(num(box.y()))
                  .append("\" width=\"")
                  .append(num(box.width()))
                  .append("\" height=\"")
                  .append(num(box.height()))
                  .append("\" rx=\"8\"/><text x=\"")
                  .append(num(box.x() + 10))
                  .append("\" y=\"")
                  .append(num(box.y() + 16))
                  .append("\">")
                  .append(escape(label))
                  .append("</text></g>\n");
            });
    List<Edge> edges = laid.graph().edges();
    for (int i = 0; i < edges.size(); i++) {
      edge(sb, edges.get(i), laid.routes().get(i), laid.labels().get(i));
    }
    for (Node n : laid.graph().nodes()) {
      node(sb, n, laid.boxes().get(n.id()));
    }
    sb.append("</g>\n</svg>\n");
    return sb.toString();
  }

  private static void edge(StringBuilder sb, Edge e, List<double[]> points, double[] label) {
    if (points.isEmpty()) {
      return;
    }
    sb.append("<g class=\"edge ")
        .append(e.status().css())
        .append(e.onPath() ? " on-path" : "")
        .append("\" data-from=\"")
        .append(escape(e.from()))
        .append("\" data-to=\"")
        .append(escape(e.to()))
        .append("\"><title>")
        .append(escape(e.tooltip()))
        .append("</title><path marker-end=\"url(#arrow)\" d=\"");
    for (int i = 0; i < points.size(); i++) {
      sb.append(i == 0 ? "M" : " L")
          .append(num(points.get(i)[0]))
          .append(',')
          .append(num(points.get(i)[1]));
    }
    sb.append("\"/>");
    if (label != null) {
      sb.append("<text x=\"")
          .append(num(label[0] + 2))
          .append("\" y=\"")
          .append(num(label[1] + MapLayout.LABEL_HEIGHT - 2))
          .append("\">")
          .append(escape(e.label()))
          .append("</text>");
    }
    sb.append("</g>\n");
  }

  private static void node(StringBuilder sb, Node n, Box b) {
    sb.append("<g class=\"node ")
        .append(n.status().css())
        .append(n.onPath() ? " on-path" : "")
        .append("\" id=\"")
        .append(escape(n.id()))
        .append("\" data-kind=\"")
        .append(escape(n.kind()))
        .append("\" data-namespace=\"")
        .append(escape(n.namespace()))
        .append("\"><title>")
        .append(escape(n.tooltip()))
        .append("</title><rect class=\"box\" x=\"")
        .append(num(b.x()))
        .append("\" y=\"")
        .append(num(b.y()))
        .append("\" width=\"")
        .append(num(b.width()))
        .append("\" height=\"")
        .append(num(b.height()))
        .append("\"/>");
    double x = b.x() + MapLayout.PADDING;
    double y = b.y() + MapLayout.PADDING + MapLayout.LINE_HEIGHT - 3;
    text(sb, "title", x, y, n.title());
    for (String line : n.lines()) {
      y += MapLayout.LINE_HEIGHT;
      text(sb, "line", x, y, line);
    }
    if (!n.badges().isEmpty()) {
      y += MapLayout.LINE_HEIGHT;
      double bx = x;
      for (String badge : n.badges()) {
        double w = badge.length() * MapLayout.CHAR_WIDTH + 6;
        sb.append("<rect class=\"badge\" x=\"")
            .append(num(bx - 3))
            .append("\" y=\"")
            .append(num(y - 11))
            .append("\" width=\"")
            .append(num(w))
            .append("\" height=\"14\" rx=\"3\"/>");
        text(sb, "badge-text", bx, y, badge);
        bx += w + MapLayout.CHAR_WIDTH;
      }
    }
    sb.append("</g>\n");
  }

  private static void text(StringBuilder sb, String css, double x, double y, String s) {
    sb.append("<text class=\"")
        .append(css)
        .append("\" x=\"")
        .append(num(x))
        .append("\" y=\"")
        .append(num(y))
        .append("\">")
        .append(escape(s))
        .append("</text>");
  }

  /** A coordinate with at most one decimal, the same on every machine. */
  static String num(double v) {
    long tenths = Math.round(v * 10);
    return tenths % 10 == 0
        ? Long.toString(tenths / 10)
        : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
