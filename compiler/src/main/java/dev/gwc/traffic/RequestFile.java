package dev.gwc.traffic;

import dev.gwc.diag.Diagnostic;
import dev.gwc.source.SourceFile;
import dev.gwc.table.HeaderList;
import dev.gwc.table.HostHeader;
import dev.gwc.table.Request;
import dev.gwc.yaml.LoadResult;
import dev.gwc.yaml.Plain;
import dev.gwc.yaml.PlainFields;
import dev.gwc.yaml.YScalar;
import dev.gwc.yaml.YamlLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A JSON Lines file of requests (for {@code --requests} and {@code --expect}): one object a line,
 * {@code {"gateway":"ns/name","method":"GET","scheme":"http","host":"a.example","port":80,
 * "path":"/x?y=1","headers":{"k":"v"},"expect":{...}}}; {@code gateway}, {@code port} and {@code
 * expect} are optional. gwc also reads {@code backendResponseHeaders}: headers the backend is taken
 * to answer with, for ResponseHeaderModifier filters; and {@code sni}: for https, the TLS server
 * name when it differs from the host (a reused HTTP/2 connection).
 */
public final class RequestFile {
  private RequestFile() {}

  /**
   * One line.
   *
   * @param line its 1-based line number
   * @param gateway the Gateway it names ({@code ns/name}), or null
   * @param request the request, or null when the line cannot be read
   * @param expect the expected result fields, or null
   * @param error why the line cannot be read, or null when it can
   */
  public record Entry(
      int line, String gateway, Request request, Map<String, Object> expect, String error) {

    /** A line that cannot be read, and why. */
    public static Entry unreadable(int line, String error) {
      return new Entry(line, null, null, null, error);
    }

    /** Whether the line was read into a request. */
    public boolean readable() {
      return error == null;
    }
  }

  /** Reads every non-blank line; a line that cannot be read says why in its entry. */
  public static List<Entry> read(String text) {
    return Lines.read(text, new Shared()::entry);
  }

  /**
   * The values a file's lines share, each kept once: a replay file repeats its methods, schemes,
   * hosts, header names and values and whole header sets on most of its hundred thousand lines, and
   * keeping one copy of each leaves the collector less to copy while the manifests compile. Safe
   * for the threads that read the lines; bounded.
   */
  private static final class Shared {
    private static final int MAX_ENTRIES = 1 << 16;
    private static final int MAX_LENGTH = 256;
    private final ConcurrentHashMap<Object, Object> kept = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    <T> T one(T value) {
      if (value == null
          || (value instanceof String s && s.length() > MAX_LENGTH)
          || kept.size() >= MAX_ENTRIES) {
        return value;
      }
      Object known = kept.putIfAbsent(value, value);
      return known == null ? value : (T) known;
    }

    Entry entry(int number, String line) {
      return RequestFile.entry(number, line, this);
    }
  }

  @SuppressWarnings("unchecked")
  private static Entry entry(int number, String line, Shared shared) {
    if (!line.startsWith("{")) {
      throw new IllegalArgumentException("not a JSON object");
    }
    Map<?, ?> m = JsonLine.read(line);
    if (m == null) {
      LoadResult r = YamlLoader.load(new SourceFile("line", line));
      if (!r.diagnostics().isEmpty() || r.documents().isEmpty()) {
        String why = r.diagnostics().isEmpty() ? "empty" : first(r.diagnostics());
        throw new IllegalArgumentException("not valid JSON: " + why);
      }
      if (!(withNulls(Plain.of(r.documents().get(0).root())) instanceof Map<?, ?> plain)) {
        throw new IllegalArgumentException("not a JSON object");
      }
      m = plain;
    }
    String method = shared.one(string(m, "method", "GET"));
    String scheme = shared.one(string(m, "scheme", "http"));
    String hostHeader = string(m, "host", null);
    if (hostHeader == null || hostHeader.isEmpty()) {
      throw new IllegalArgumentException("'host' is required");
    }
    // "host" is the Host header as sent and may carry a port; "port" is where the request arrives
    // (by default the Host header's port, else the scheme's).
    HostHeader split = HostHeader.of(hostHeader);
    String host = shared.one(split.host());
    Object portValue = m.get("port");
    if (portValue != null
        && !(portValue instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()))) {
      throw new IllegalArgumentException(
          "'port' must be a whole number, not " + describe(portValue));
    }
    Integer port = PlainFields.integer(m, "port");
    if (port == null && split.port() > 0) {
      port = split.port();
    }
    String path = string(m, "path", "/");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("'path' must start with /");
    }
    HeaderList headers = headers(m.get("headers"), shared);
    HeaderList response = headers(m.get("backendResponseHeaders"), shared);
    Request req = Urls.request(method, scheme, host, port, path, headers, response);
    if (req == null) {
      String url = scheme + "://" + host + (port == null ? "" : ":" + port) + path;
      req = Request.fromUrl(method, url, headers, response);
    }
    String sni = string(m, "sni", null);
    if (sni != null) {
      req = req.withSni(sni);
    }
    Object expect = m.get("expect");
    if (expect != null && !(expect instanceof Map)) {
      throw new IllegalArgumentException("'expect' must be an object");
    }
    return new Entry(
        number, shared.one(string(m, "gateway", null)), req, (Map<String, Object>) expect, null);
  }

  /** A field that must be a string when present. */
  private static String string(Map<?, ?> m, String key, String fallback) {
    Object v = m.get(key);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof String s)) {
      throw new IllegalArgumentException("'" + key + "' must be a string, not " + describe(v));
    }
    return s;
  }

  private static String describe(Object v) {
    if (v instanceof Map) {
      return "an object";
    }
    if (v instanceof List) {
      return "a list";
    }
    return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
  }

  /** A plain value with JSON nulls as Java nulls. */
  public static Object withNulls(Object v) {
    if (v == YScalar.NULL) {
      return null;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), withNulls(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(x -> out.add(withNulls(x)));
      return out;
    }
    return v;
  }

  private static String first(List<Diagnostic> diagnostics) {
    return diagnostics.get(0).message();
  }

  private static HeaderList headers(Object value, Shared shared) {
    if (value == null) {
      return HeaderList.EMPTY;
    }
    if (!(value instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("headers must be an object of name to value");
    }
    List<HeaderList.Header> out = new ArrayList<>(m.size());
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String name = shared.one(String.valueOf(e.getKey()));
      if (e.getValue() instanceof List<?> vs) {
        for (Object v : vs) {
          out.add(new HeaderList.Header(name, shared.one(String.valueOf(v))));
        }
      } else {
        out.add(new HeaderList.Header(name, shared.one(String.valueOf(e.getValue()))));
      }
    }
    return out.isEmpty() ? HeaderList.EMPTY : shared.one(new HeaderList(out));
  }
}
