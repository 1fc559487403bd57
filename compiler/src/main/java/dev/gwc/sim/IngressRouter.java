package dev.gwc.sim;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.gwc.table.BackendRef;
import dev.gwc.table.GatewayId;
import dev.gwc.table.HeaderList;
import dev.gwc.table.IngressLocation;
import dev.gwc.table.IngressServer;
import dev.gwc.table.IngressTable;
import dev.gwc.table.NginxOptions;
import dev.gwc.table.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends a request through the Ingresses of one ingress class as ingress-nginx serves them: the
 * server by host, the location by path, then in nginx's order the app-root and permanent/temporal
 * redirects (rewrite-phase returns), the HTTP to HTTPS redirect, the canary choice (header, cookie,
 * weight), rewrite-target and upstream-vhost. A pure function of the table, the request and the
 * seed; the result has the shape of {@link Simulator}'s, with an Ingress as its route.
 */
public final class IngressRouter {
  /** ingress-nginx's http-redirect-code (default 308): HTTP to HTTPS and from-to-www redirects. */
  static final int HTTP_REDIRECT_CODE = 308;

  private IngressRouter() {}

  /** Routes one request through an ingress class. */
  public static Result route(
      IngressTable.IngressClassTable t, Request req, long seed, boolean explain) {
    Trace trace = explain ? Trace.on() : Trace.off();
    GatewayId gw = t.id();
    String listener =
        req.port() == 80 && req.scheme().equals("http")
            ? "http"
            : req.port() == 443 && req.scheme().equals("https") ? "https" : null;
    if (listener == null) {
      trace.add(
          "ingress-nginx serves http on port 80 and https on 443, not "
              + req.scheme()
              + " on "
              + req.port()
              + ": 404");
      return early(gw, null, null, 404, null, trace);
    }
    String wwwTarget = t.wwwRedirect(req.host());
    if (wwwTarget != null) {
      // The redirect server's answer: the same scheme and port, the request URI without a
      // trailing "/" (ingress-nginx's ngx_srv_redirect.lua), and the http-redirect-code (308).
      String uri = req.pathAndQuery();
      String location =
          req.scheme()
              + "://"
              + wwwTarget
              + ":"
              + req.port()
              + (uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri);
      trace.add(
          () ->
              "ingress class '"
                  + t.name
                  + "': host '"
                  + req.host()
                  + "' is the from-to-www-redirect counterpart of '"
                  + wwwTarget
                  + "': "
                  + HTTP_REDIRECT_CODE
                  + " to "
                  + location);
      return early(gw, listener, null, HTTP_REDIRECT_CODE, location, trace);
    }
    IngressServer server = t.server(req.host());
    trace.add(
        () ->
            "ingress class '"
                + t.name
                + "': "
                + (server.host.equals(IngressTable.DEFAULT_SERVER)
                    ? "no server for host '" + req.host() + "'; the default server"
                    : "server '" + server.host + "'")
                + (server.hasTls() ? " (TLS)" : "")
                + (server.isRegex()
                    ? " (regex paths: use-regex or rewrite-target on the host)"
                    : ""));
    // Notes about this host only: a class-wide list would repeat in every result.
    t.notes(req.host()).forEach(n -> trace.add("note: " + n));
    if (!server.host.equals(req.host())) {
      t.notes(server.host).forEach(n -> trace.add("note: " + n));
    }
    server.notes().forEach(n -> trace.add("note: " + n));
    IngressServer.Match match = server.find(req.path());
    IngressLocation loc = match.location();
    trace.add(() -> "location " + match.form() + ": " + loc.describe());
    Result.RouteHit hit =
        loc.ingress() == null
            ? null
            : new Result.RouteHit(
                "Ingress",
                loc.ingress().namespace(),
                loc.ingress().name(),
                loc.rule(),
                loc.index());
    NginxOptions o = loc.options();
    String authority =
        req.host() + (req.port() == Request.defaultPort(req.scheme()) ? "" : ":" + req.port());
    if (match.redirectTo() != null) {
      String location =
          req.scheme()
              + "://"
              + authority
              + match.redirectTo()
              + (req.query() == null ? "" : "?" + req.query());
      trace.add(
          () ->
              "nginx answers '"
                  + req.path()
                  + "' with 301 to '"
                  + match.redirectTo()
                  + "': the location's path ends with '/' (auto redirect)");
      return early(gw, listener, hit, 301, location, trace);
    }
    if (o.appRoot() != null && req.path().equals("/")) {
      String location = req.scheme() + "://" + authority + o.appRoot();
      trace.add(() -> "app-root: 302 to " + location);
      return early(gw, listener, hit, 302, location, trace);
    }
    HeaderList response = HeaderList.EMPTY;
    String corsOrigin =
        o.cors() == null ? null : corsOrigin(o.cors(), req.headers().joined("origin"));
    if (corsOrigin != null) {
      response = corsHeaders(o.cors(), corsOrigin);
      if (req.method().equals("OPTIONS")) {
        // The location's CORS block returns before its redirects and the HTTPS redirect.
        trace.add("enable-cors: OPTIONS from an allowed origin is answered by nginx: 204");
        return answer(
            gw,
            listener,
            hit,
            204,
            null,
            List.of(),
            null,
            null,
            response.add("Content-Type", "text/plain charset=UTF-8").add("Content-Length", "0"),
            trace);
      }
      trace.add("enable-cors: the response gets the CORS headers");
    }
    if (o.redirectUrl() != null) {
      trace.add(() -> "redirect annotation: " + o.redirectCode() + " to " + o.redirectUrl());
      return answer(
          gw,
          listener,
          hit,
          o.redirectCode(),
          null,
          List.of(),
          null,
          o.redirectUrl(),
          response,
          trace);
    }
    if (req.scheme().equals("http")
        && (o.forceSslRedirect() || (o.sslRedirect() && server.hasTls()))) {
      String location = "https://" + req.host() + req.pathAndQuery();
      trace.add(
          () ->
              (o.forceSslRedirect() ? "force-ssl-redirect" : "the host has TLS (ssl-redirect)")
                  + ": "
                  + HTTP_REDIRECT_CODE
                  + " to "
                  + location);
      return answer(
          gw, listener, hit, HTTP_REDIRECT_CODE, null, List.of(), null, location, response, trace);
    }
    List<BackendRef> refs = new ArrayList<>();
    BackendRef chosen = chooseBackend(loc, req, seed, refs, trace);
    List<Result.Share> shares = refs.size() > 1 ? Shares.of(refs) : List.of();
    if (loc.problem() != null && chosen == loc.backend()) {
      trace.add(() -> "the backend cannot be reached (" + loc.problem() + "): 503");
      return answer(gw, listener, hit, 503, null, shares, null, null, response, trace);
    }
    if (chosen == null) {
      trace.add("no backend: the controller's default backend answers 404");
      return answer(gw, listener, hit, 404, null, shares, null, null, response, trace);
    }
    if (chosen.assumed()) {
      trace.add(
          () ->
              "Service '"
                  + chosen.namespace()
                  + "/"
                  + chosen.name()
                  + "' is not in the input; assumed to exist");
    }
    String path = rewrite(o, loc, req, trace);
    String host = o.upstreamVhost() != null ? o.upstreamVhost() : req.host();
    if (o.upstreamVhost() != null) {
      trace.add(() -> "upstream-vhost: Host " + host);
    }
    trace.add(() -> "backend " + chosen.display() + "; status 200");
    Result.Upstream up = new Result.Upstream(req.method(), "http", host, path, req.headers());
    return answer(gw, listener, hit, 200, chosen, shares, up, null, response, trace);
  }

  /** The primary's backend, or a canary's by header, cookie or weight; fills {@code refs}. */
  private static BackendRef chooseBackend(
      IngressLocation loc, Request req, long seed, List<BackendRef> refs, Trace trace) {
    BackendRef primary = loc.backend();
    if (loc.canaries().isEmpty()) {
      return primary;
    }
    IngressLocation.Canary c = loc.canaries().get(0);
    NginxOptions.Canary rules = c.rules();
    Boolean byRequest = CanaryRules.decide(rules, req);
    if (byRequest != null) {
      trace.add(
          () ->
              "canary Ingress "
                  + c.ingress().display()
                  + ": "
                  + CanaryRules.why(rules, req)
                  + (byRequest ? ", to the canary" : ", not to the canary"));
      return byRequest ? c.backend() : primary;
    }
    if (primary == null || c.backend() == null || rules.total() <= 0) {
      return primary;
    }
    int w = Math.max(0, Math.min(rules.weight(), rules.total()));
    refs.add(withWeight(primary, rules.total() - w));
    refs.add(withWeight(c.backend(), w));
    int i = WeightedChoice.pick(refs, WeightedChoice.hash(req, seed));
    trace.add(
        () ->
            "canary Ingress "
                + c.ingress().display()
                + ": weight "
                + w
                + " of "
                + rules.total()
                + ", "
                + (i == 1 ? "the canary" : "the primary")
                + " chosen (seed "
                + seed
                + ")");
    return i < 0 ? null : i == 1 ? c.backend() : primary;
  }

  private static BackendRef withWeight(BackendRef b, int weight) {
    return new BackendRef(
        b.group(),
        b.kind(),
        b.namespace(),
        b.name(),
        b.port(),
        weight,
        b.filters(),
        b.invalid(),
        b.assumed());
  }

  /** rewrite-target: nginx's {@code rewrite "(?i)<path>" <target> break}; the query is kept. */
  private static String rewrite(NginxOptions o, IngressLocation loc, Request req, Trace trace) {
    if (o.rewriteTarget() == null) {
      return req.pathAndQuery();
    }
    Matcher m;
    try {
      m = Pattern.compile("(?i)" + loc.path()).matcher(req.path());
    } catch (PatternSyntaxException e) {
      return req.pathAndQuery();
    }
    if (!m.find()) {
      return req.pathAndQuery();
    }
    StringBuilder out = new StringBuilder();
    String target = o.rewriteTarget();
    for (int i = 0; i < target.length(); i++) {
      char ch = target.charAt(i);
      if (ch == '$' && i + 1 < target.length() && Character.isDigit(target.charAt(i + 1))) {
        int g = target.charAt(++i) - '0';
        String v = g <= m.groupCount() ? m.group(g) : null;
        out.append(v == null ? "" : v);
      } else {
        out.append(ch);
      }
    }
    String path = out.toString();
    if (!path.startsWith("/")) {
      path = "/" + path;
    }
    String result =
        req.query() == null ? path : path + (path.contains("?") ? "&" : "?") + req.query();
    trace.add(() -> "rewrite-target '" + target + "': upstream path " + result);
    return result;
  }

  /** An answer before the location's headers apply: a status, and where it redirects (or null). */
  private static Result early(
      GatewayId gw,
      String listener,
      Result.RouteHit hit,
      int status,
      String location,
      Trace trace) {
    return answer(
        gw, listener, hit, status, null, List.of(), null, location, HeaderList.EMPTY, trace);
  }

  private static Result answer(
      GatewayId gw,
      String listener,
      Result.RouteHit hit,
      int status,
      BackendRef backend,
      List<Result.Share> shares,
      Result.Upstream upstream,
      String location,
      HeaderList response,
      Trace trace) {
    return new Result(
        Result.Plane.INGRESS_NGINX,
        gw,
        listener,
        hit,
        status,
        backend,
        shares,
        upstream,
        response,
        location,
        List.of(),
        trace.lines());
  }

  /**
   * The origin enable-cors answers for, or null when the request's Origin is not allowed: with
   * cors-allow-origin "*" every request, as "*"; else an Origin that the allowed origins match.
   */
  static String corsOrigin(NginxOptions.Cors c, String origin) {
    if (c.allowedOrigins() == null) {
      return "*";
    }
    return origin != null && !origin.isEmpty() && c.allowedOrigins().matcher(origin).find()
        ? origin
        : null;
  }

  /** The headers enable-cors sets on every response of the location (more_set_headers). */
  private static HeaderList corsHeaders(NginxOptions.Cors c, String origin) {
    HeaderList h = HeaderList.EMPTY.add("Access-Control-Allow-Origin", origin);
    if (c.credentials()) {
      h = h.add("Access-Control-Allow-Credentials", "true");
    }
    h = h.add("Access-Control-Allow-Methods", c.methods());
    h = h.add("Access-Control-Allow-Headers", c.headers());
    if (!c.exposeHeaders().isEmpty()) {
      h = h.add("Access-Control-Expose-Headers", c.exposeHeaders());
    }
    return h.add("Access-Control-Max-Age", Long.toString(c.maxAge()));
  }
}
