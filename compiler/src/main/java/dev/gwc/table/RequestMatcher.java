package dev.gwc.table;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Tests one request against matches: method, headers (names in any case, values joined with "," as
 * a proxy folds them) and query parameters (the first value counts). Each test returns why the
 * match fails, or null when it holds.
 */
public final class RequestMatcher implements VirtualHost.Visitor<Candidates.Http> {
  private final Request req;

  public RequestMatcher(Request req) {
    this.req = req;
  }

  /** The request tested. */
  Request request() {
    return req;
  }

  /** Whether an HTTPRoute match whose path fits holds: the visitor of plain lookups. */
  @Override
  public boolean accept(Candidates.Http c) {
    return c.pathOnly || mismatch(c.m()) == null;
  }

  /** Why an HTTPRoute match (its path already fits) does not hold, or null. */
  public String mismatch(HttpMatch m) {
    if (m.method() != null && !m.method().equals(req.method())) {
      return "method is " + req.method() + ", not " + m.method();
    }
    String h = headers(m.headers());
    if (h != null) {
      return h;
    }
    for (ValueMatch q : m.query()) {
      String actual = queryValue(q.name());
      if (!q.test(actual)) {
        return actual == null
            ? "query parameter '" + q.name() + "' is missing"
            : "query parameter '" + q.name() + "' is '" + actual + "'";
      }
    }
    return null;
  }

  /** Why a GRPCRoute match does not hold for {@code /service/method}, or null. */
  public String mismatch(GrpcMatch m, String service, String method) {
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

  /**
   * The value of the first query parameter with this name (names and values percent-decoded), or
   * null; found by scanning the query, which is shorter than a map of it would take to build.
   */
  String queryValue(String name) {
    String q = req.query();
    return q == null ? null : queryValue(q, name);
  }

  /** {@link #queryValue(String)} in a query string. */
  static String queryValue(String q, CharSequence name) {
    int start = 0;
    while (true) {
      int amp = q.indexOf('&', start);
      int end = amp < 0 ? q.length() : amp;
      int eq = q.indexOf('=', start);
      int nameEnd = eq < 0 || eq > end ? end : eq;
      if (nameIs(q, start, nameEnd, name)) {
        return nameEnd == end ? "" : decode(q.substring(nameEnd + 1, end));
      }
      if (amp < 0) {
        return null;
      }
      start = amp + 1;
    }
  }

  /** Whether the percent-decoded {@code q[from, to)} is {@code name}. */
  private static boolean nameIs(String q, int from, int to, CharSequence name) {
    for (int i = from; i < to; i++) {
      char c = q.charAt(i);
      if (c == '%' || c == '+') {
        return decode(q.substring(from, to)).contentEquals(name);
      }
    }
    if (to - from != name.length()) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (q.charAt(i) != name.charAt(i - from)) {
        return false;
      }
    }
    return true;
  }

  /** Percent-decodes (and turns '+' into ' '); most values have nothing to decode. */
  private static String decode(String s) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s;
    }
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
