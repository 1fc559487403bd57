package dev.gwc.sim;

import dev.gwc.table.Filter;
import dev.gwc.table.HeaderList;
import dev.gwc.table.Request;
import java.util.Locale;

/** The CORS filter's answers: which origins it allows and the headers it adds. */
final class CorsPolicy {
  private CorsPolicy() {}

  /** Whether a request is a CORS preflight, which the gateway answers itself. */
  static boolean isPreflight(Request r) {
    return r.method().equals("OPTIONS")
        && r.headers().joined("origin") != null
        && r.headers().joined("access-control-request-method") != null;
  }

  /**
   * The response headers for a request with an {@code Origin}; unchanged when the origin is not
   * allowed.
   */
  static HeaderList headers(Filter.Cors c, Request r, boolean preflight, HeaderList response) {
    String origin = r.headers().joined("origin");
    if (origin == null || !allowed(c, origin)) {
      return response;
    }
    // Echoing the origin is correct with and without credentials, where "*" is not.
    HeaderList out = response.set("access-control-allow-origin", origin);
    if (c.allowCredentials()) {
      out = out.set("access-control-allow-credentials", "true");
    }
    if (!c.exposeHeaders().isEmpty()) {
      out = out.set("access-control-expose-headers", String.join(", ", c.exposeHeaders()));
    }
    if (!preflight) {
      return out;
    }
    String method = r.headers().joined("access-control-request-method");
    if (method != null && !c.allowMethods().isEmpty()) {
      out =
          out.set(
              "access-control-allow-methods",
              c.allowMethods().contains("*") ? method : String.join(", ", c.allowMethods()));
    }
    String requested = r.headers().joined("access-control-request-headers");
    if (requested != null && !c.allowHeaders().isEmpty()) {
      out =
          out.set(
              "access-control-allow-headers",
              c.allowHeaders().contains("*") ? requested : String.join(", ", c.allowHeaders()));
    }
    if (c.maxAge() != null) {
      out = out.set("access-control-max-age", String.valueOf(c.maxAge()));
    }
    return out;
  }

  /**
   * Whether an origin is allowed: {@code *}, or scheme, host (leading {@code *} label) and port.
   */
  static boolean allowed(Filter.Cors c, String origin) {
    Origin o = Origin.parse(origin);
    for (String pattern : c.allowOrigins()) {
      if (pattern.equals("*")) {
        return true;
      }
      Origin p = Origin.parse(pattern);
      if (o == null || p == null || !p.scheme.equals(o.scheme) || p.port != o.port) {
        continue;
      }
      if (p.host.equals("*")
          || p.host.equals(o.host)
          || (p.host.startsWith("*.") && o.host.endsWith(p.host.substring(1)))) {
        return true;
      }
    }
    return false;
  }

  /** An origin's parts, with the scheme's default port filled in. */
  private record Origin(String scheme, String host, int port) {
    static Origin parse(String s) {
      int sep = s.indexOf("://");
      if (sep < 0) {
        return null;
      }
      String scheme = s.substring(0, sep).toLowerCase(Locale.ROOT);
      String rest = s.substring(sep + 3);
      int colon = rest.lastIndexOf(':');
      int port = Request.defaultPort(scheme);
      String host = rest;
      if (colon >= 0) {
        try {
          port = Integer.parseInt(rest.substring(colon + 1));
        } catch (NumberFormatException e) {
          return null;
        }
        host = rest.substring(0, colon);
      }
      return new Origin(scheme, host.toLowerCase(Locale.ROOT), port);
    }
  }
}
