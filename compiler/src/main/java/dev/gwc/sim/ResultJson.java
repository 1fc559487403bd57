package dev.gwc.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link Result} as the contract's JSON object: plain maps and lists in the contract's order. */
public final class ResultJson {
  private ResultJson() {}

  public static Map<String, Object> of(Result r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("gateway", r.gateway() == null ? null : gateway(r.gateway()));
    out.put("listener", r.listener());
    out.put("route", r.route() == null ? null : route(r.route()));
    out.put("status", r.status());
    out.put("backend", r.backend() == null ? null : ref(r.backend()));
    List<Object> backends = new ArrayList<>();
    for (Result.Share s : r.backends()) {
      Map<String, Object> b = ref(s.ref());
      b.put("weight", s.ref().weight());
      b.put("share", number(s.share()));
      backends.add(b);
    }
    out.put("backends", backends);
    out.put("upstream", r.upstream() == null ? null : upstream(r.upstream()));
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("headers", r.response().asMap());
    out.put("response", response);
    out.put("redirect", r.location() == null ? null : Map.of("location", r.location()));
    List<Object> mirrors = new ArrayList<>();
    for (Result.MirrorHit m : r.mirrors()) {
      Map<String, Object> b = ref(m.ref());
      b.put("percent", number(m.percent()));
      mirrors.add(b);
    }
    out.put("mirrors", mirrors);
    out.put("trace", r.trace());
    return out;
  }

  private static Map<String, Object> gateway(Result.GatewayId g) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("namespace", g.namespace());
    out.put("name", g.name());
    return out;
  }

  private static Map<String, Object> route(Result.RouteHit h) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", h.kind());
    out.put("namespace", h.namespace());
    out.put("name", h.name());
    out.put("rule", h.rule());
    out.put("match", h.match());
    return out;
  }

  private static Map<String, Object> ref(BackendRef b) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", b.kind());
    out.put("namespace", b.namespace());
    out.put("name", b.name());
    out.put("port", b.port());
    return out;
  }

  private static Map<String, Object> upstream(Result.Upstream u) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("method", u.method());
    out.put("scheme", u.scheme());
    out.put("host", u.host());
    out.put("path", u.path());
    out.put("headers", u.headers().asMap());
    return out;
  }

  /** Whole numbers as integers (100, not 100.0); others rounded to 4 decimals. */
  private static Object number(double d) {
    if (d == Math.rint(d)) {
      return (long) d;
    }
    return Math.round(d * 10000) / 10000.0;
  }
}
