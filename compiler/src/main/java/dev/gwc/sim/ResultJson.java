package dev.gwc.sim;

import dev.gwc.output.JsonSink;
import dev.gwc.output.JsonWriter;
import dev.gwc.output.TreeSink;
import java.util.List;
import java.util.Map;

/**
 * A {@link Result} as the contract's JSON object, in the contract's order: written straight as JSON
 * text ({@link #bytes}: a replay writes a hundred thousand of them), or as plain maps and lists
 * ({@link #of}) for comparing with expectations. One method writes both.
 */
public final class ResultJson {
  private ResultJson() {}

  /** The result as plain maps and lists. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> of(Result r) {
    TreeSink tree = new TreeSink();
    write(r, tree);
    return (Map<String, Object>) tree.result();
  }

  /** The result as one line of compact JSON, UTF-8, without the line break. */
  public static byte[] bytes(Result r) {
    JsonWriter w = new JsonWriter(false);
    write(r, w);
    return w.toBytes();
  }

  private static void write(Result r, JsonSink w) {
    w.beginObject();
    w.name("gateway");
    if (r.gateway() == null) {
      w.nullValue();
    } else {
      w.beginObject();
      w.name("namespace").value(r.gateway().namespace());
      w.name("name").value(r.gateway().name());
      w.endObject();
    }
    w.name("listener").value(r.listener());
    w.name("route");
    if (r.route() == null) {
      w.nullValue();
    } else {
      Result.RouteHit h = r.route();
      w.beginObject();
      w.name("kind").value(h.kind());
      w.name("namespace").value(h.namespace());
      w.name("name").value(h.name());
      w.name("rule").value(h.rule());
      w.name("match").value(h.match());
      w.endObject();
    }
    w.name("status").value(r.status());
    w.name("backend");
    if (r.backend() == null) {
      w.nullValue();
    } else {
      ref(w, r.backend());
      w.endObject();
    }
    w.name("backends").beginArray();
    for (Result.Share s : r.backends()) {
      ref(w, s.ref());
      w.name("weight").value(s.ref().weight());
      number(w.name("share"), s.share());
      w.endObject();
    }
    w.endArray();
    w.name("upstream");
    if (r.upstream() == null) {
      w.nullValue();
    } else {
      Result.Upstream u = r.upstream();
      w.beginObject();
      w.name("method").value(u.method());
      w.name("scheme").value(u.scheme());
      w.name("host").value(u.host());
      w.name("path").value(u.path());
      headers(w.name("headers"), u.headers());
      w.endObject();
    }
    w.name("response").beginObject();
    headers(w.name("headers"), r.response());
    w.endObject();
    w.name("redirect");
    if (r.location() == null) {
      w.nullValue();
    } else {
      w.beginObject().name("location").value(r.location()).endObject();
    }
    w.name("mirrors").beginArray();
    for (Result.MirrorHit m : r.mirrors()) {
      ref(w, m.ref());
      number(w.name("percent"), m.percent());
      w.endObject();
    }
    w.endArray();
    w.name("trace").beginArray();
    for (String line : r.trace()) {
      w.value(line);
    }
    w.endArray();
    w.endObject();
  }

  /** Opens the backendRef's object and writes its kind, namespace, name and port. */
  private static void ref(JsonSink w, BackendRef b) {
    w.beginObject();
    w.name("kind").value(b.kind());
    w.name("namespace").value(b.namespace());
    w.name("name").value(b.name());
    w.name("port");
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
}
