package dev.gwc.map;

import dev.gwc.map.MapGraph.Node;
import java.util.List;
import java.util.TreeSet;

/**
 * The map as one self-contained HTML page: the SVG inline, a toolbar (search, namespace and Gateway
 * filters, zoom), a legend, and a short script for zoom and pan, search, click-to-highlight a
 * node's path, and the filters. No external resource and no network request; the script records its
 * own errors in {@code body[data-errors]} and sets {@code body[data-ready]} when it has run, so
 * that a headless browser can check the page.
 */
public final class HtmlPage {
  /** Above this many nodes the page starts with one Gateway shown (the filter lists the rest). */
  public static final int ONE_GATEWAY_ABOVE = 400;

  private HtmlPage() {}

  /**
   * The page: one view of the whole map, or, above {@link #ONE_GATEWAY_ABOVE} nodes, one view per
   * Gateway (each laid out on its own) with the Gateway list switching between them.
   */
  public static String html(MapGraph graph) {
    TreeSet<String> namespaces = new TreeSet<>();
    TreeSet<String> gateways = new TreeSet<>();
    for (Node n : graph.nodes()) {
      if (!n.namespace().isEmpty()) {
        namespaces.add(n.namespace());
      }
      if (n.kind().equals("Gateway")) {
        gateways.add(n.id());
      }
    }
    boolean perGateway = graph.nodes().size() > ONE_GATEWAY_ABOVE && !gateways.isEmpty();
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>")
        .append(SvgWriter.escape(graph.caption()))
        .append("</title>\n<style>\n")
        .append(PAGE_STYLE)
        .append("</style>\n</head>\n<body data-ready=\"0\" data-errors=\"0\">\n")
        .append("<div class=\"bar\">\n")
        .append("<input id=\"search\" type=\"search\" placeholder=\"search nodes\">\n")
        .append("<select id=\"namespace\"><option value=\"\">all namespaces</option>");
    for (String ns : namespaces) {
      sb.append("<option>").append(SvgWriter.escape(ns)).append("</option>");
    }
    sb.append("</select>\n<select id=\"gateway\" data-views=\"")
        .append(perGateway ? "1" : "0")
        .append("\">");
    if (!perGateway) {
      sb.append("<option value=\"\">all Gateways</option>");
    }
    for (String g : gateways) {
      sb.append("<option value=\"")
          .append(SvgWriter.escape(g))
          .append("\">")
          .append(SvgWriter.escape(g.substring("gateway:".length())))
          .append("</option>");
    }
    sb.append("</select>\n<button id=\"zoomin\">+</button><button id=\"zoomout\">−</button>")
        .append("<button id=\"reset\">fit</button>\n")
        .append(
            "<span class=\"legend\"><i class=\"ok\"></i>accepted <i class=\"warning\"></i>warning")
        .append(
            " <i class=\"error\"></i>not accepted / unresolved <i class=\"assumed\"></i>assumed")
        .append(" (not in the input) <i class=\"path\"></i>request path</span>\n")
        .append("<span id=\"count\"></span>\n</div>\n");
    if (perGateway) {
      // The views are laid out independently: on every core at once.
      List<String> ids = List.copyOf(gateways);
      List<MapLayout.Laid> laid =
          ids.parallelStream().map(g -> MapLayout.layout(graph.ofGateway(g))).toList();
      for (int i = 0; i < ids.size(); i++) {
        view(sb, laid.get(i), ids.get(i), i == 0);
      }
    } else {
      view(sb, MapLayout.layout(graph), "", true);
    }
    sb.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return sb.toString();
  }

  /**
   * One view. The first is part of the page; the others wait as text in a script element that the
   * browser does not parse as markup until the view is chosen, so that a page of many large views
   * opens as fast as one.
   */
  private static void view(StringBuilder sb, MapLayout.Laid laid, String gateway, boolean shown) {
    if (shown) {
      sb.append("<div class=\"view\" data-gateway=\"")
          .append(SvgWriter.escape(gateway))
          .append("\">\n")
          .append(SvgWriter.svg(laid))
          .append("</div>\n");
    } else {
      sb.append("<script type=\"text/x-gwc-view\" data-gateway=\"")
          .append(SvgWriter.escape(gateway))
          .append("\">\n")
          .append(SvgWriter.svg(laid).replace("</", "<\\/"))
          .append("</script>\n");
    }
  }

  private static final String PAGE_STYLE =
      """
      html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; font-size: 13px; }
      .bar { position: fixed; top: 0; left: 0; right: 0; padding: 6px 10px; background: #fff;
        border-bottom: 1px solid #d0d7de; display: flex; gap: 8px; align-items: center; z-index: 2; }
      .bar input { width: 16em; }
      .legend i { display: inline-block; width: 12px; height: 12px; margin: 0 3px 0 8px;
        vertical-align: middle; border: 1.5px solid; border-radius: 3px; }
      .legend .ok { background: #dafbe1; border-color: #1a7f37; }
      .legend .warning { background: #fff8c5; border-color: #bf8700; }
      .legend .error { background: #ffebe9; border-color: #cf222e; }
      .legend .assumed { background: #fff; border-color: #8c959f; border-style: dashed; }
      .legend .path { background: #fff; border-color: #0969da; border-width: 3px; }
      .view { position: absolute; top: 40px; left: 0; right: 0; bottom: 0; overflow: hidden;
        cursor: grab; }
      .view[hidden] { display: none; }
      .view svg { width: 100%; height: 100%; }
      .map .hidden { display: none; }
      .map .dim { opacity: 0.15; }
      .map .match rect.box { stroke: #8250df; stroke-width: 3.5; }
      """;

  private static final String SCRIPT =
      """
      (function () {
        'use strict';
        window.addEventListener('error', function () {
          document.body.dataset.errors = String(Number(document.body.dataset.errors) + 1);
        });
        var views = Array.prototype.slice.call(
          document.querySelectorAll('.view, script[type="text/x-gwc-view"]'));
        var nsSelect = document.getElementById('namespace');
        var gwSelect = document.getElementById('gateway');
        var perGateway = gwSelect.dataset.views === '1';
        var v = null;
        // The parts of one view, read once when it is first shown.
        function open(view) {
          if (view.model) { return view.model; }
          var svg = view.querySelector('svg');
          var m = { view: view, svg: svg, byId: {}, out: {}, into: {} };
          m.nodes = Array.prototype.slice.call(svg.querySelectorAll('g.node'));
          m.edges = Array.prototype.slice.call(svg.querySelectorAll('g.edge'));
          m.groups = Array.prototype.slice.call(svg.querySelectorAll('g.group'));
          m.nodes.forEach(function (n) { m.byId[n.id] = n; });
          m.edges.forEach(function (e) {
            (m.out[e.dataset.from] = m.out[e.dataset.from] || []).push(e);
            (m.into[e.dataset.to] = m.into[e.dataset.to] || []).push(e);
          });
          m.full = svg.getAttribute('viewBox').split(' ').map(Number);
          m.box = m.full.slice();
          svg.removeAttribute('width');
          svg.removeAttribute('height');
          svg.setAttribute('preserveAspectRatio', 'xMidYMin meet');
          m.nodes.forEach(function (n) {
            n.addEventListener('click', function (e) {
              e.stopPropagation();
              highlight(m.selected === n.id ? null : n.id);
            });
          });
          svg.addEventListener('click', function () { highlight(null); });
          view.addEventListener('wheel', function (e) {
            e.preventDefault();
            var r = svg.getBoundingClientRect();
            var cx = m.box[0] + (e.clientX - r.left) / r.width * m.box[2];
            var cy = m.box[1] + (e.clientY - r.top) / r.height * m.box[3];
            zoom(e.deltaY < 0 ? 0.85 : 1.18, cx, cy);
          }, { passive: false });
          view.addEventListener('mousedown', function (e) {
            m.drag = [e.clientX, e.clientY, m.box[0], m.box[1]];
          });
          view.model = m;
          return m;
        }
        function show() { v.svg.setAttribute('viewBox', v.box.join(' ')); }
        function zoom(f, cx, cy) {
          v.box = [cx - (cx - v.box[0]) * f, cy - (cy - v.box[1]) * f, v.box[2] * f, v.box[3] * f];
          show();
        }
        function center() { return [v.box[0] + v.box[2] / 2, v.box[1] + v.box[3] / 2]; }
        document.getElementById('zoomin').onclick = function () { var c = center(); zoom(0.8, c[0], c[1]); };
        document.getElementById('zoomout').onclick = function () { var c = center(); zoom(1.25, c[0], c[1]); };
        document.getElementById('reset').onclick = function () { v.box = v.full.slice(); show(); };
        window.addEventListener('mouseup', function () { if (v) { v.drag = null; } });
        window.addEventListener('mousemove', function (e) {
          if (!v || !v.drag) { return; }
          var r = v.svg.getBoundingClientRect();
          v.box[0] = v.drag[2] - (e.clientX - v.drag[0]) / r.width * v.box[2];
          v.box[1] = v.drag[3] - (e.clientY - v.drag[1]) / r.height * v.box[3];
          show();
        });
        // Every node upstream and downstream of one, and the edges between them.
        function reach(start) {
          var seen = {}, lines = [];
          seen[start] = true;
          [[v.out, 'to'], [v.into, 'from']].forEach(function (way) {
            var stack = [start];
            while (stack.length) {
              var id = stack.pop();
              (way[0][id] || []).forEach(function (e) {
                lines.push(e);
                var next = e.dataset[way[1]];
                if (!seen[next]) { seen[next] = true; stack.push(next); }
              });
            }
          });
          return { nodes: seen, edges: lines };
        }
        function highlight(id) {
          v.selected = id;
          var r = id ? reach(id) : null;
          v.nodes.forEach(function (n) { n.classList.toggle('dim', !!r && !r.nodes[n.id]); });
          v.edges.forEach(function (e) { e.classList.toggle('dim', !!r && r.edges.indexOf(e) < 0); });
        }
        function filter() {
          var ns = nsSelect.value;
          var keep = !perGateway && gwSelect.value ? reach(gwSelect.value).nodes : null;
          var shown = 0;
          v.nodes.forEach(function (n) {
            var hide = (ns && n.dataset.namespace !== ns && n.dataset.namespace !== '')
              || (keep && !keep[n.id]);
            n.classList.toggle('hidden', hide);
            if (!hide) { shown++; }
          });
          v.edges.forEach(function (e) {
            var a = v.byId[e.dataset.from], b = v.byId[e.dataset.to];
            e.classList.toggle('hidden', !a || !b || a.classList.contains('hidden')
              || b.classList.contains('hidden'));
          });
          v.groups.forEach(function (g) {
            g.classList.toggle('hidden', !v.nodes.some(function (n) {
              return n.dataset.namespace === g.dataset.namespace && !n.classList.contains('hidden');
            }));
          });
          document.getElementById('count').textContent = shown + ' of ' + v.nodes.length + ' nodes'
            + (perGateway ? ' (one Gateway of ' + views.length + ')' : '');
        }
        // A view kept as text becomes markup the first time it is chosen.
        function materialize(i) {
          var el = views[i];
          if (el.tagName !== 'SCRIPT') { return el; }
          var div = document.createElement('div');
          div.className = 'view';
          div.dataset.gateway = el.dataset.gateway;
          div.innerHTML = el.textContent.split('<\\\\/').join('</');
          el.parentNode.replaceChild(div, el);
          views[i] = div;
          return div;
        }
        function choose() {
          var want = perGateway ? gwSelect.value : '';
          var chosen = null;
          views.forEach(function (view, i) {
            if (view.dataset.gateway === want) { chosen = materialize(i); }
          });
          views.forEach(function (view) {
            if (view.tagName !== 'SCRIPT') { view.hidden = view !== chosen; }
          });
          v = open(chosen);
          show();
          filter();
        }
        nsSelect.onchange = filter;
        gwSelect.onchange = perGateway ? choose : filter;
        document.getElementById('search').oninput = function () {
          var q = this.value.toLowerCase();
          v.nodes.forEach(function (n) {
            n.classList.toggle('match', q.length > 0 && n.textContent.toLowerCase().indexOf(q) >= 0);
          });
        };
        // #gateway=ns/name opens on that Gateway (a link to one view).
        var wanted = decodeURIComponent(location.hash.replace(/^#gateway=/, ''));
        if (location.hash.indexOf('#gateway=') === 0
            && Array.prototype.some.call(gwSelect.options, function (o) { return o.value === 'gateway:' + wanted; })) {
          gwSelect.value = 'gateway:' + wanted;
        }
        choose();
        document.body.dataset.readyMs = String(Math.round(performance.now()));
        document.body.dataset.ready = '1';
      })();
      """;
}
