package dev.gwc.output;

import dev.gwc.output.JsonSink.Key;
import dev.gwc.sim.Result;
import dev.gwc.table.BackendRef;
import dev.gwc.table.HeaderList;
import java.util.List;
import java.util.Map;

/**
 * A {@link Result} as the contract's JSON object, in the contract's order: written straight as JSON
 * text ({@link #bytes}: a replay writes a hundred thousand of them), or as plain maps and lists
 * ({@link #of}) for comparing with expectations. One method writes both.
 */
public final class ResultJson {
  private ResultJson() {}

  // The member names, encoded once.
  private static final Key BACKEND = Key.of("backend");
  private static final Key BACKENDS = Key.of("backends");
  private static final Key SUBSET = Key.of("subset");
  private static final Key GATEWAY = Key.of("gateway");
  private static final Key HEADERS = Key.of("headers");
  private static final Key HOST = Key.of("host");
  private static final Key KIND = Key.of("kind");
  private static final Key LISTENER = Key.of("listener");
  private static final Key LOCATION = Key.of("location");
  private static final Key MATCH = Key.of("match");
  private static final Key METHOD = Key.of("method");
  private static final Key MIRRORS = Key.of("mirrors");
  private static final Key NAME = Key.of("name");
  private static final Key NAMESPACE = Key.of("namespace");
  private static final Key PATH = Key.of("path");
  private static final Key PERCENT = Key.of("percent");
  private static final Key PORT = Key.of("port");
  private static final Key REDIRECT = Key.of("redirect");
  private static final Key RESPONSE = Key.of("response");
  private static final Key ROUTE = Key.of("route");
  private static final Key RULE = Key.of("rule");
  private static final Key SCHEME = Key.of("scheme");
  private static final Key SHARE = Key.of("share");
  private static final Key STATUS = Key.of("status");
  private static final Key TRACE = Key.of("trace");
  private static final Key UPSTREAM = Key.of("upstream");
  private static final Key WEIGHT = Key.of("weight");

  /** The result as plain maps and lists. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> of(Result r) {
    TreeSink tree = new TreeSink();
    write(r, tree);
    return (Map<String, Object>) tree.result();
  }

  /** The result as one line of compact JSON, UTF-8, without the line break. */
  public static byte[] bytes(Result r) {
    JsonWriter w = WRITERS.get().reset();
    write(r, w);
    return w.toBytes();
  }

  /** One writer per thread, its buffer kept from result to result (most take 1-2 KB). */
  private static final ThreadLocal<JsonWriter> WRITERS =
      ThreadLocal.withInitial(() -> new JsonWriter(false, 4096));

  private static void write(Result r, JsonSink w) {
    w.beginObject();
    w.name(GATEWAY);
    if (r.gateway() == null) {
      w.nullValue();
    } else {
      w.beginObject();
      w.name(NAMESPACE).value(r.gateway().namespace());
      w.name(NAME).value(r.gateway().name());
      w.endObject();
    }
    w.name(LISTENER).value(r.listener());
    w.name(ROUTE);
    if (r.route() == null) {
      w.nullValue();
    } else {
      Result.RouteHit h = r.route();
      w.beginObject();
      w.name(KIND).value(h.kind());
      w.name(NAMESPACE).value(h.namespace());
      w.name(NAME).value(h.name());
      w.name(RULE).value(h.rule());
      w.name(MATCH).value(h.match());
      w.endObject();
    }
    w.name(STATUS).value(r.status());
    // Istio's backends name their DestinationRule subset (null when none).
    boolean subsets = r.route() != null && r.route().kind().equals("VirtualService");
    w.name(BACKEND);
    if (r.backend() == null) {
      w.nullValue();
    } else {
      ref(w, r.backend());
      subset(w, r.backend(), subsets);
      w.endObject();
    }
    w.name(BACKENDS).beginArray();
    for (Result.Share s : r.backends()) {
      ref(w, s.ref());
      subset(w, s.ref(), subsets);
      w.name(WEIGHT).value(s.ref().weight());
      number(w.name(SHARE), s.share());
      w.endObject();
    }
    w.endArray();
    w.name(UPSTREAM);
    if (r.upstream() == null) {
      w.nullValue();
    } else {
      Result.Upstream u = r.upstream();
      w.beginObject();
      w.name(METHOD).value(u.method());
      w.name(SCHEME).value(u.scheme());
      w.name(HOST).value(u.host());
      w.name(PATH).value(u.path());
      headers(w.name(HEADERS), u.headers());
      w.endObject();
    }
    w.name(RESPONSE).beginObject();
    headers(w.name(HEADERS), r.response());
    w.endObject();
    w.name(REDIRECT);
    if (r.location() == null) {
      w.nullValue();
    } else {
      w.beginObject().name(LOCATION).value(r.location()).endObject();
    }
    w.name(MIRRORS).beginArray();
    for (Result.MirrorHit m : r.mirrors()) {
      ref(w, m.ref());
      number(w.name(PERCENT), m.percent());
      w.endObject();
    }
    w.endArray();
    w.name(TRACE).beginArray();
    for (String line : r.trace()) {
      w.value(line);
    }
    w.endArray();
    w.endObject();
  }

  private static void subset(JsonSink w, BackendRef b, boolean write) {
    if (write) {
      w.name(SUBSET);
      if (b.subset() == null) {
        w.nullValue();
      } else {
        w.value(b.subset());
      }
    }
  }

  /** Opens the backendRef's object and writes its kind, namespace, name and port. */
  private static void ref(JsonSink w, BackendRef b) {
    w.beginObject();
    w.name(KIND).value(b.kind());
    w.name(NAMESPACE).value(b.namespace());
    w.name(NAME).value(b.name());
    w.name(PORT);
    if (b.port() == null) {
      w.nullValue();
    } else {
      w.value(b.port());
    }
  }

  /** Lower-case names to their values, sorted by name. */
  private static void headers(JsonSink w, HeaderList headers) {
    w.beginObject();
    for (Map.Entry<String, List<String>> e : headers.asMap().entrySet()) {
      w.name(e.getKey()).beginArray();
      for (String v : e.getValue()) {
        w.value(v);
      }
      w.endArray();
    }
    w.endObject();
  }

  /** Whole numbers as integers (100, not 100.0); others rounded to 4 decimals. */
  private static void number(JsonSink w, double d) {
    if (d == Math.rint(d)) {
      w.value((long) d);
    } else {
      w.value(Math.round(d * 10000) / 10000.0);
    }
  }

  /** Results as JSON Lines, one compact object a line. */
  public static String lines(List<Result> results) {
    StringBuilder sb = new StringBuilder();
    for (Result r : results) {
      sb.append(Values.compactJson(of(r))).append('\n');
    }
    return sb.toString();
  }
}
