package dev.gwc.output;

import dev.gwc.convert.Notification;
import dev.gwc.migrate.Comparison;
import dev.gwc.sim.Outcome;
import dev.gwc.sim.Result;
import dev.gwc.table.Request;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A {@link Comparison.Report} as one JSON object: plain maps and lists. */
public final class CompareJson {
  private CompareJson() {}

  public static Map<String, Object> of(Comparison.Report report) {
    List<Object> diffs = new ArrayList<>();
    for (Comparison.Difference d : report.differences()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("request", request(d.probe().request()));
      o.put("origin", d.probe().origin());
      o.put("differs", d.fields());
      o.put("old", side(d.old()));
      o.put("new", side(d.now()));
      List<Object> known = new ArrayList<>();
      for (Notification n : d.known()) {
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("severity", n.severity().name().toLowerCase(Locale.ROOT));
        k.put("message", n.message());
        k.put("file", n.span().file());
        k.put("line", n.span().line());
        known.add(k);
      }
      o.put("known", known);
      diffs.add(o);
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("requests", report.requests());
    summary.put("differences", report.differences().size());
    summary.put("known", report.known());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("differences", diffs);
    out.put("summary", summary);
    return out;
  }

  private static Map<String, Object> request(Request q) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("method", q.method());
    out.put("scheme", q.scheme());
    out.put("host", q.host());
    out.put("port", q.port());
    out.put("path", q.pathAndQuery());
    out.put("headers", q.headers().asMap());
    return out;
  }

  /** The contract's result fields that matter here, without the trace. */
  private static Map<String, Object> side(Result r) {
    Map<String, Object> full = ResultJson.of(r);
    Map<String, Object> out = new LinkedHashMap<>();
    for (String k :
        List.of("gateway", "listener", "route", "status", "backend", "backends", "redirect")) {
      out.put(k, full.get(k));
    }
    Outcome o = Outcome.of(r);
    Map<String, Object> up = new LinkedHashMap<>();
    up.put("host", o.upstreamHost().equals("-") ? null : o.upstreamHost());
    up.put("path", o.upstreamPath().equals("-") ? null : o.upstreamPath());
    out.put("upstream", o.upstreamPath().equals("-") ? null : up);
    return out;
  }
}
