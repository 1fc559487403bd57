package dev.gwc.sim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tests one request against matches: method, headers (names in any case, values joined with "," as
 * a proxy folds them) and query parameters (the first value counts; the query is read once, on
 * first use). Each test returns why the match fails, or null when it holds.
 */
final class RequestMatcher implements VirtualHost.Visitor<Candidates.Http> {
  private final Request req;
  private Map<String, String> query;

  RequestMatcher(Request req) {
    this.req = req;
  }

  /** Whether an HTTPRoute match whose path fits holds: the visitor of plain lookups. */
  @Override
  public boolean accept(Candidates.Http c) {
    return c.pathOnly || mismatch(c.m()) == null;
  }

  /** Why an HTTPRoute match (its path already fits) does not hold, or null. */
  String mismatch(HttpMatch m) {
    if (m.method() != null && !m.method().equals(req.method())) {
      return "method is " + req.method() + ", not " + m.method();
    }
    String h = headers(m.headers());
    if (h != null) {
      return h;
    }
    for (ValueMatch q : m.query()) {
      String actual = query().get(q.name());
      if (!q.test(actual)) {
        return actual == null
            ? "query parameter '" + q.name() + "' is missing"
            : "query parameter '" + q.name() + "' is '" + actual + "'";
      }
    }
    return null;
  }

  /** Why a GRPCRoute match does not hold for {@code /service/method}, or null. */
  String mismatch(GrpcMatch m, String service, String method) {
    if (!m.matches(service, method)) {
      return "service/method is " + service + "/" + method;
    }
    return headers(m.headers());
  }

  private String headers(List<ValueMatch> matches) {
    for (ValueMatch h : matches) {
      String actual = header(h.lowerName());
      if (!h.test(actual)) {
        return actual == null
            ? "header '" + h.name() + "' is missing"
            : "header '" + h.name() + "' is '" + actual + "'";
      }
    }
    return null;
  }

  /** A request has a handful of headers: scanning them beats building a map per request. */
  private String header(String lowerName) {
    return req.headers().joined(lowerName);
  }

  private Map<String, String> query() {
    if (query == null) {
      query = new HashMap<>();
      if (req.query() != null) {
        for (String pair : req.query().split("&")) {
          int eq = pair.indexOf('=');
          String k = decode(eq < 0 ? pair : pair.substring(0, eq));
          String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
          query.putIfAbsent(k, v);
        }
      }
    }
    return query;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
