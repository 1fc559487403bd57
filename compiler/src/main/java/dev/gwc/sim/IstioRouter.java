package dev.gwc.sim;

import dev.gwc.table.BackendRef;
import dev.gwc.table.GatewayId;
import dev.gwc.table.HeaderList;
import dev.gwc.table.IstioRoutes;
import dev.gwc.table.IstioTable;
import dev.gwc.table.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sends a request through one Istio ingress gateway (one selector) as its Envoy is configured from
 * the Istio API: a server by port and host (exact host before wildcard), {@code httpsRedirect}, the
 * VirtualServices bound to that server's Gateway for the host (exact host before wildcard; several
 * for one host are merged in an order Istio does not guarantee, which the trace says), then the
 * first {@code http[]} rule whose match applies, and in Istio's order: redirect, direct response,
 * fault abort, rewrite, header operations, weighted destinations with their subsets. A pure
 * function of the table, the request and the seed; the result has the shape of {@link Simulator}'s,
 * with a VirtualService as its route.
 */
public final class IstioRouter {
  private IstioRouter() {}

  /** Routes one request through an Istio ingress gateway. */
  public static Result route(IstioTable.SelectorTable t, Request req, long seed, boolean explain) {
    Trace trace = explain ? Trace.on() : Trace.off();
    IstioTable.Server server = null;
    for (IstioTable.Server s : t.servers()) {
      if (s.port() == req.port()
          && (server == null || s.hostRank(req.host()) > server.hostRank(req.host()))) {
        server = s;
      }
    }
    if (server == null) {
      trace.add(
          () -> "Istio gateway " + t.selector + ": no server on port " + req.port() + ": 404");
      return plain(t.id(), null, null, 404, trace);
    }
    GatewayId gw = server.gateway();
    String listener = server.portName();
    IstioTable.Server chosen = server;
    if (server.hostRank(req.host()) == 0) {
      trace.add(
          () ->
              "Istio Gateway "
                  + display(gw)
                  + ": no server on port "
                  + req.port()
                  + " accepts host '"
                  + req.host()
                  + "': 404");
      return plain(gw, null, null, 404, trace);
    }
    trace.add(
        () ->
            "Istio Gateway "
                + display(gw)
                + " server "
                + chosen.index()
                + " ("
                + chosen.protocol()
                + " "
                + chosen.port()
                + ", hosts "
                + chosen.hosts()
                + ") accepts host '"
                + req.host()
                + "'");
    if (req.scheme().equals("tls") || req.scheme().equals("tcp")) {
      return routeL4(t, chosen, req, seed, trace);
    }
    if (server.httpsRedirect() && req.scheme().equals("http")) {
      String location = "https://" + req.host() + req.pathAndQuery();
      trace.add(() -> "tls.httpsRedirect: 301 to " + location);
      return answer(
          gw,
          listener,
          null,
          301,
          null,
          List.of(),
          null,
          HeaderList.EMPTY,
          location,
          List.of(),
          trace);
    }
    List<IstioRoutes.VirtualService> bound = virtualServices(t, chosen, req.host(), trace);
    if (bound.isEmpty()) {
      trace.add(
          () ->
              "no VirtualService bound to "
                  + display(gw)
                  + " serves host '"
                  + req.host()
                  + "': 404");
      return plain(gw, listener, null, 404, trace);
    }
    for (IstioRoutes.VirtualService vs : bound) {
      for (IstioRoutes.HttpRule rule : vs.http()) {
        int match = matches(rule, req);
        if (match == Integer.MIN_VALUE) {
          continue;
        }
        Result.RouteHit hit =
            new Result.RouteHit("VirtualService", vs.namespace(), vs.name(), rule.index(), match);
        trace.add(
            () ->
                "VirtualService "
                    + vs.namespace()
                    + "/"
                    + vs.name()
                    + " "
                    + rule.label()
                    + (match < 0 ? " (no match: every request)" : " match[" + match + "]")
                    + " is the first rule that applies");
        return apply(t, gw, listener, hit, vs, rule, req, seed, trace);
      }
    }
    trace.add(() -> "no http rule of the VirtualServices for '" + req.host() + "' matches: 404");
    return plain(gw, listener, null, 404, trace);
  }

  /**
   * A connection through a passthrough server ({@code tls[]} rules by server name) or a TCP server
   * ({@code tcp[]} rules by port): the first rule of the bound VirtualServices whose match takes
   * it, then its weighted destinations.
   */
  private static Result routeL4(
      IstioTable.SelectorTable t, IstioTable.Server server, Request req, long seed, Trace trace) {
    GatewayId gw = server.gateway();
    boolean tls = req.scheme().equals("tls");
    String sni = req.sni() != null ? req.sni() : req.host();
    if (tls && !server.passthrough()) {
      trace.add(
          () ->
              "server "
                  + server.index()
                  + " does not pass TLS through (tls.mode "
                  + server.tlsMode()
                  + "): 404");
      return plain(gw, server.portName(), null, 404, trace);
    }
    List<IstioRoutes.VirtualService> bound =
        tls ? virtualServices(t, server, sni, trace) : t.boundTo(gw);
    for (IstioRoutes.VirtualService vs : bound) {
      for (IstioRoutes.L4Rule rule : tls ? vs.tls() : vs.tcp()) {
        int match = -1;
        boolean takes = rule.matches().isEmpty();
        for (int i = 0; i < rule.matches().size() && !takes; i++) {
          IstioRoutes.L4Match m = rule.matches().get(i);
          boolean portOk = m.port() == null || m.port() == req.port();
          boolean sniOk =
              !tls
                  || m.sniHosts().isEmpty()
                  || m.sniHosts().stream()
                      .anyMatch(
                          h ->
                              h.equals(sni) || IstioTable.wildcardMatches(h, sni) || h.equals("*"));
          if (portOk && sniOk) {
            takes = true;
            match = i;
          }
        }
        if (!takes || rule.route().isEmpty()) {
          continue;
        }
        Result.RouteHit hit =
            new Result.RouteHit("VirtualService", vs.namespace(), vs.name(), rule.index(), match);
        List<BackendRef> refs = new ArrayList<>();
        for (IstioRoutes.Destination d : rule.route()) {
          refs.add(backend(t.table(), d, vs.namespace(), trace));
        }
        int i = WeightedChoice.pick(refs, WeightedChoice.hash(req, seed));
        List<Result.Share> shares = refs.size() > 1 ? Shares.of(refs) : List.of();
        BackendRef chosen = i < 0 ? null : refs.get(i);
        String section = tls ? "tls" : "tcp";
        trace.add(
            () ->
                "VirtualService "
                    + vs.namespace()
                    + "/"
                    + vs.name()
                    + " "
                    + section
                    + "["
                    + rule.index()
                    + "] takes the connection"
                    + (tls ? " (server name '" + sni + "')" : " (port " + req.port() + ")"));
        if (chosen == null || chosen.invalid() != null) {
          trace.add(() -> "no destination can take it: 503");
          return answer(
              gw,
              server.portName(),
              hit,
              503,
              chosen,
              shares,
              null,
              HeaderList.EMPTY,
              null,
              List.of(),
              trace);
        }
        trace.add(() -> "backend " + chosen.display() + "; connection forwarded");
        return answer(
            gw,
            server.portName(),
            hit,
            200,
            chosen,
            shares,
            null,
            HeaderList.EMPTY,
            null,
            List.of(),
            trace);
      }
    }
    trace.add(
        () ->
            "no "
                + (tls ? "tls" : "tcp")
                + " rule of a bound VirtualService takes the connection: refused");
    return plain(gw, server.portName(), null, 404, trace);
  }

  /**
   * The VirtualServices bound to the server's Gateway whose hosts name the request's host, exact
   * hosts first; several of one rank are merged in name order, which Istio does not promise.
   */
  private static List<IstioRoutes.VirtualService> virtualServices(
      IstioTable.SelectorTable t, IstioTable.Server server, String host, Trace trace) {
    List<IstioRoutes.VirtualService> exact = new ArrayList<>();
    List<IstioRoutes.VirtualService> wildcard = new ArrayList<>();
    for (IstioRoutes.VirtualService vs : t.candidates(server.gateway(), host)) {
      int rank = 0;
      for (String h : vs.hosts()) {
        if (h.equals(host)) {
          rank = 2;
        } else if (rank < 1 && (h.equals("*") || IstioTable.wildcardMatches(h, host))) {
          rank = 1;
        }
      }
      if (rank > 0 && server.admits(vs.namespace(), host)) {
        (rank == 2 ? exact : wildcard).add(vs);
      } else if (rank > 0) {
        trace.add(
            () ->
                "VirtualService "
                    + vs.namespace()
                    + "/"
                    + vs.name()
                    + " names the host, but the server's hosts "
                    + server.hosts()
                    + " do not admit its namespace");
      }
    }
    List<IstioRoutes.VirtualService> out = exact.isEmpty() ? wildcard : exact;
    if (out.size() > 1) {
      trace.add(
          () ->
              "warning: "
                  + out.size()
                  + " VirtualServices serve '"
                  + host
                  + "' on this Gateway; Istio merges their rules in no guaranteed order (taken"
                  + " here by namespace/name)");
    }
    return out;
  }

  /** The index of the first match block that applies, -1 for a rule without match blocks. */
  private static int matches(IstioRoutes.HttpRule rule, Request req) {
    if (rule.matches().isEmpty()) {
      return -1;
    }
    for (int i = 0; i < rule.matches().size(); i++) {
      if (applies(rule.matches().get(i), req)) {
        return i;
      }
    }
    return Integer.MIN_VALUE;
  }

  private static boolean applies(IstioRoutes.MatchBlock m, Request req) {
    if (m.uri() != null && !m.uri().test(req.path(), m.ignoreUriCase())) {
      return false;
    }
    String authority =
        req.host() + (req.port() == Request.defaultPort(req.scheme()) ? "" : ":" + req.port());
    if (m.authority() != null
        && !m.authority().test(authority, false)
        && !m.authority().test(req.host(), false)) {
      return false;
    }
    if (m.method() != null && !m.method().test(req.method(), false)) {
      return false;
    }
    if (m.scheme() != null && !m.scheme().test(req.scheme(), false)) {
      return false;
    }
    if (m.port() != null && m.port() != req.port()) {
      return false;
    }
    for (var e : m.headers().entrySet()) {
      if (!e.getValue().test(req.headers().joined(e.getKey()), false)) {
        return false;
      }
    }
    for (var e : m.withoutHeaders().entrySet()) {
      if (e.getValue().test(req.headers().joined(e.getKey()), false)) {
        return false;
      }
    }
    for (var e : m.queryParams().entrySet()) {
      if (!e.getValue().test(query(req.query(), e.getKey()), false)) {
        return false;
      }
    }
    return true;
  }

  private static String query(String query, String name) {
    if (query == null) {
      return null;
    }
    for (String part : query.split("&")) {
      int eq = part.indexOf('=');
      String key = eq < 0 ? part : part.substring(0, eq);
      if (key.equals(name)) {
        return eq < 0 ? "" : part.substring(eq + 1);
      }
    }
    return null;
  }

  private static Result apply(
      IstioTable.SelectorTable t,
      GatewayId gw,
      String listener,
      Result.RouteHit hit,
      IstioRoutes.VirtualService vs,
      IstioRoutes.HttpRule rule,
      Request req,
      long seed,
      Trace trace) {
    rule.notes().forEach(n -> trace.add(rule.label() + ": " + n));
    if (rule.redirect() != null) {
      String location = location(rule.redirect(), req);
      trace.add(() -> "redirect: " + rule.redirect().code() + " to " + location);
      return answer(
          gw,
          listener,
          hit,
          rule.redirect().code(),
          null,
          List.of(),
          null,
          HeaderList.EMPTY,
          location,
          List.of(),
          trace);
    }
    if (rule.directResponse() != null) {
      trace.add(() -> "directResponse: " + rule.directResponse());
      return answer(
          gw,
          listener,
          hit,
          rule.directResponse(),
          null,
          List.of(),
          null,
          rule.headers().response(HeaderList.EMPTY),
          null,
          List.of(),
          trace);
    }
    long hash = WeightedChoice.hash(req, seed);
    if (rule.abort() != null
        && Long.remainderUnsigned(hash >>> 7, 10_000) < rule.abort().percent() * 100) {
      trace.add(
          () ->
              "fault abort: "
                  + rule.abort().status()
                  + " for "
                  + Shares.percent(rule.abort().percent())
                  + "% of requests, this one among them (seed "
                  + seed
                  + ")");
      return plain(gw, listener, hit, rule.abort().status(), trace);
    }
    if (rule.route().isEmpty()) {
      trace.add("the rule has no route, redirect or directResponse: 404");
      return plain(gw, listener, hit, 404, trace);
    }
    List<BackendRef> refs = new ArrayList<>();
    for (IstioRoutes.Destination d : rule.route()) {
      refs.add(backend(t.table(), d, vs.namespace(), trace));
    }
    int i = WeightedChoice.pick(refs, hash);
    List<Result.Share> shares = refs.size() > 1 ? Shares.of(refs) : List.of();
    if (i < 0) {
      trace.add("every destination has weight 0: 503");
      return answer(
          gw, listener, hit, 503, null, shares, null, HeaderList.EMPTY, null, List.of(), trace);
    }
    BackendRef chosen = refs.get(i);
    IstioRoutes.Destination dest = rule.route().get(i);
    List<Result.MirrorHit> mirrors = new ArrayList<>();
    for (IstioRoutes.Mirror m : rule.mirrors()) {
      mirrors.add(
          new Result.MirrorHit(
              backend(t.table(), m.destination(), vs.namespace(), Trace.off()), m.percent()));
    }
    if (chosen.invalid() != null) {
      trace.add(() -> "destination " + chosen.display() + ": " + chosen.invalid() + ": 503");
      return answer(
          gw, listener, hit, 503, chosen, shares, null, HeaderList.EMPTY, null, mirrors, trace);
    }
    String host = req.host();
    String path = req.path();
    IstioRoutes.Rewrite rw = rule.rewrite();
    if (rw != null) {
      path = rewrite(rw, rule, hit.match(), path);
      if (rw.authority() != null) {
        host = rw.authority();
      }
      String shown = path;
      String shownHost = host;
      trace.add(() -> "rewrite: path " + shown + ", host " + shownHost);
    }
    HeaderList headers = dest.headers().request(rule.headers().request(req.headers()));
    HeaderList response = dest.headers().response(rule.headers().response(req.backendResponse()));
    if (shares.size() > 1) {
      trace.add(() -> "destination " + chosen.display() + " chosen by weight (seed " + seed + ")");
    }
    trace.add(() -> "backend " + chosen.display() + "; status 200");
    String pathAndQuery = req.query() == null ? path : path + "?" + req.query();
    Result.Upstream up = new Result.Upstream(req.method(), "http", host, pathAndQuery, headers);
    return answer(gw, listener, hit, 200, chosen, shares, up, response, null, mirrors, trace);
  }

  /** A destination as a backend: its Service (or ServiceEntry host), port and subset. */
  private static BackendRef backend(
      IstioTable table, IstioRoutes.Destination d, String namespace, Trace trace) {
    String fqdn = IstioTable.fqdn(d.host(), namespace);
    String problem = null;
    String kind = "Service";
    String ns = namespace;
    String name = d.host();
    boolean assumed = false;
    Integer port = d.port();
    var svc = IstioTable.service(fqdn);
    if (svc != null) {
      name = svc.name();
      ns = svc.namespace();
      List<Integer> ports = table.servicePorts(ns + "/" + name);
      if (ports == null) {
        assumed = true;
      } else if (port == null && ports.size() == 1) {
        port = ports.get(0);
      } else if (port == null && ports.size() > 1) {
        problem = "the Service has several ports and the destination names none";
      } else if (port != null && !ports.contains(port)) {
        problem = "the Service has no port " + port;
      }
    } else if (table.isServiceEntryHost(d.host())) {
      kind = "ServiceEntry";
      ns = namespace;
    } else {
      assumed = true;
    }
    if (d.subset() != null) {
      Set<String> defined = table.subsets(fqdn);
      if (defined == null || !defined.contains(d.subset())) {
        problem = "no DestinationRule for " + fqdn + " defines subset '" + d.subset() + "'";
      }
    }
    if (assumed) {
      String shown = fqdn;
      trace.add(() -> "destination " + shown + " is not in the input; assumed to exist");
    }
    return new BackendRef(
        "", kind, ns, name, port, d.weight(), List.of(), problem, assumed, d.subset());
  }

  /** The redirect's Location: Istio keeps what the redirect does not replace, and the query. */
  private static String location(IstioRoutes.Redirect r, Request req) {
    String scheme = r.scheme() != null ? r.scheme().toLowerCase(Locale.ROOT) : req.scheme();
    String host = r.authority() != null ? r.authority() : req.host();
    Integer port = r.port();
    if (port == null && "FROM_REQUEST_PORT".equals(r.derivePort())) {
      port = req.port();
    }
    String authority =
        host + (port == null || port == Request.defaultPort(scheme) ? "" : ":" + port);
    String path = r.uri() != null ? r.uri() : req.path();
    return scheme + "://" + authority + (req.query() == null ? path : path + "?" + req.query());
  }

  /**
   * The upstream path: {@code uri} replaces the matched prefix (or the whole path when the match
   * was exact or not on the path), {@code uriRegexRewrite} substitutes every match of its pattern.
   */
  private static String rewrite(
      IstioRoutes.Rewrite rw, IstioRoutes.HttpRule rule, int match, String path) {
    if (rw.regexMatch() != null && rw.regexRewrite() != null) {
      return rw.regexMatch()
          .matcher(path)
          .replaceAll(rw.regexRewrite().replaceAll("\\\\(\\d)", "\\$$1"));
    }
    if (rw.uri() == null) {
      return path;
    }
    IstioRoutes.MatchBlock block = match >= 0 ? rule.matches().get(match) : null;
    IstioRoutes.StringMatch uri = block == null ? null : block.uri();
    if (uri != null
        && uri.kind().equals("prefix")
        && path.regionMatches(block.ignoreUriCase(), 0, uri.value(), 0, uri.value().length())) {
      return rw.uri() + path.substring(uri.value().length());
    }
    return rw.uri();
  }

  private static String display(GatewayId g) {
    return g.namespace() + "/" + g.name();
  }

  /** An answer without a backend, upstream, response headers or redirect. */
  private static Result plain(
      GatewayId gw, String listener, Result.RouteHit hit, int status, Trace trace) {
    return answer(
        gw, listener, hit, status, null, List.of(), null, HeaderList.EMPTY, null, List.of(), trace);
  }

  private static Result answer(
      GatewayId gw,
      String listener,
      Result.RouteHit hit,
      int status,
      BackendRef backend,
      List<Result.Share> shares,
      Result.Upstream upstream,
      HeaderList response,
      String location,
      List<Result.MirrorHit> mirrors,
      Trace trace) {
    return new Result(
        Result.Plane.ISTIO,
        gw,
        listener,
        hit,
        status,
        backend,
        shares,
        upstream,
        response,
        location,
        mirrors,
        trace.lines());
  }
}
