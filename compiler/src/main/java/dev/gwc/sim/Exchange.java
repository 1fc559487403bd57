package dev.gwc.sim;

import dev.gwc.table.BackendRef;
import dev.gwc.table.Filter;
import dev.gwc.table.GatewayId;
import dev.gwc.table.HeaderList;
import dev.gwc.table.ListenerTable;
import dev.gwc.table.PathMatch;
import dev.gwc.table.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * A request on its way through a matched rule: the filters of the rule and of the chosen backendRef
 * change it, and it ends as a {@link Result}. Used by one simulation only.
 */
final class Exchange {
  private final Request request;
  private final ListenerTable listener;
  private final GatewayId gateway;
  private final Trace trace;
  private final String method;
  private String host;
  private String path;
  private HeaderList upstream;
  private HeaderList response;
  private String location;
  private int redirectStatus;
  private boolean answeredByGateway;
  private final List<Result.MirrorHit> mirrors = new ArrayList<>();

  Exchange(Request request, GatewayId gateway, ListenerTable listener, Trace trace) {
    this.request = request;
    this.gateway = gateway;
    this.listener = listener;
    this.trace = trace;
    this.method = request.method();
    this.host = request.host();
    this.path = request.path();
    this.upstream = request.headers();
    this.response = request.backendResponse();
  }

  /** Applies filters in order; {@code matched} is the path match that routed the request. */
  void apply(List<Filter> filters, PathMatch matched, String owner) {
    for (Filter f : filters) {
      if (f instanceof Filter.HeaderModifier h) {
        if (h.response()) {
          response = h.apply(response);
        } else {
          upstream = h.apply(upstream);
        }
        trace.add(() -> owner + " filter " + describe(h));
      } else if (f instanceof Filter.Redirect r) {
        redirect(r, matched, owner);
      } else if (f instanceof Filter.Rewrite w) {
        rewrite(w, matched, owner);
      } else if (f instanceof Filter.Mirror m) {
        mirror(m, owner);
      } else if (f instanceof Filter.Cors c) {
        cors(c, owner);
      } else if (f instanceof Filter.Other o) {
        trace.add(
            () ->
                owner
                    + " filter "
                    + o.type()
                    + " is not simulated; assuming it passes the request on");
      }
    }
  }

  private void mirror(Filter.Mirror m, String owner) {
    if (m.backend().invalid() != null) {
      trace.add(
          () ->
              owner
                  + " filter RequestMirror: "
                  + m.backend().display()
                  + " does not resolve ("
                  + m.backend().invalid()
                  + "); nothing is mirrored");
      return;
    }
    mirrors.add(new Result.MirrorHit(m.backend(), m.percent()));
    if (m.backend().assumed()) {
      trace.add(
          () ->
              "Service '"
                  + m.backend().namespace()
                  + "/"
                  + m.backend().name()
                  + "' is not in the input; assumed to exist");
    }
    trace.add(
        () ->
            owner
                + " filter RequestMirror: copy to "
                + m.backend().display()
                + " ("
                + Shares.percent(m.percent())
                + "% of requests)");
  }

  private void cors(Filter.Cors c, String owner) {
    if (request.headers().joined("origin") == null) {
      trace.add(() -> owner + " filter CORS: no Origin header, nothing to do");
      return;
    }
    boolean preflight = CorsPolicy.isPreflight(request);
    boolean allowed = CorsPolicy.allowed(c, request.headers().joined("origin"));
    response = CorsPolicy.headers(c, request, preflight, response);
    if (preflight) {
      answeredByGateway = true;
    }
    trace.add(
        () ->
            owner
                + " filter CORS: origin '"
                + request.headers().joined("origin")
                + "' is "
                + (allowed ? "allowed" : "not allowed (no CORS headers)")
                + (preflight ? "; the gateway answers the preflight itself" : ""));
  }

  private void redirect(Filter.Redirect r, PathMatch matched, String owner) {
    String scheme = r.scheme() != null ? r.scheme() : request.scheme();
    String h = r.hostname() != null ? r.hostname() : request.host();
    int port;
    if (r.port() != null) {
      port = r.port();
    } else if (r.scheme() != null && Request.defaultPort(r.scheme()) > 0) {
      port = Request.defaultPort(r.scheme());
    } else {
      port = listener.port;
    }
    String p = request.path();
    if (r.path() != null) {
      String replaced = PathRewrites.apply(r.path(), p, matched);
      if (replaced == null) {
        trace.add(() -> owner + " filter RequestRedirect: ReplacePrefixMatch needs a PathPrefix");
      } else {
        p = replaced;
      }
    }
    boolean defaultPort =
        (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    location =
        scheme
            + "://"
            + h
            + (defaultPort ? "" : ":" + port)
            + p
            + (request.query() == null ? "" : "?" + request.query());
    redirectStatus = r.statusCode();
    trace.add(() -> owner + " filter RequestRedirect: " + redirectStatus + " to " + location);
  }

  private void rewrite(Filter.Rewrite w, PathMatch matched, String owner) {
    if (w.hostname() != null) {
      host = w.hostname();
    }
    if (w.path() != null) {
      String replaced = PathRewrites.apply(w.path(), path, matched);
      if (replaced != null) {
        path = replaced;
      }
    }
    trace.add(() -> owner + " filter URLRewrite: upstream " + host + path);
  }

  private static String describe(Filter.HeaderModifier h) {
    StringBuilder sb =
        new StringBuilder(h.response() ? "ResponseHeaderModifier:" : "RequestHeaderModifier:");
    h.set()
        .forEach(
            x -> sb.append(" set ").append(x.name()).append(": ").append(x.value()).append(';'));
    h.add()
        .forEach(
            x -> sb.append(" add ").append(x.name()).append(": ").append(x.value()).append(';'));
    h.remove().forEach(x -> sb.append(" remove ").append(x).append(';'));
    sb.setLength(sb.length() - (sb.charAt(sb.length() - 1) == ';' ? 1 : 0));
    return sb.toString();
  }

  boolean redirected() {
    return location != null;
  }

  boolean answeredByGateway() {
    return answeredByGateway;
  }

  /** The result when the gateway answers without a backend (redirect, preflight, 404, 500). */
  Result answer(Result.RouteHit route, int status, List<Result.Share> shares) {
    return new Result(
        Result.Plane.GATEWAY_API,
        gateway,
        listener == null ? null : listener.name,
        route,
        location != null ? redirectStatus : status,
        null,
        shares,
        null,
        status >= 500 || status == 404 ? HeaderList.EMPTY : response,
        location,
        status >= 500 || status == 404 ? List.of() : mirrors,
        trace.lines());
  }

  /** The result when a backend answers. */
  Result forward(Result.RouteHit route, BackendRef backend, List<Result.Share> shares) {
    Result.Upstream up =
        new Result.Upstream(
            method,
            request.scheme(),
            host,
            request.query() == null ? path : path + "?" + request.query(),
            upstream);
    return new Result(
        Result.Plane.GATEWAY_API,
        gateway,
        listener.name,
        route,
        200,
        backend,
        shares,
        up,
        response,
        null,
        mirrors,
        trace.lines());
  }
}
