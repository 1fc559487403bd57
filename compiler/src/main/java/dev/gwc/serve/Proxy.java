package dev.gwc.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gwc.output.Values;
import dev.gwc.sim.Result;
import dev.gwc.sim.Router;
import dev.gwc.table.DataPlanes;
import dev.gwc.table.GatewayTable;
import dev.gwc.table.HeaderList;
import dev.gwc.table.HostHeader;
import dev.gwc.table.Request;
import dev.gwc.table.RoutingTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * {@code gwc serve}: the routing table as a real HTTP/1.1 proxy on loopback. Every request is
 * routed exactly as {@code gwc simulate} routes it; a redirect or an error is answered by the
 * proxy, and a request that reaches a backend goes to the upstream mapped to that Service, or else
 * to a built-in echo server that answers with JSON describing the request it received.
 *
 * <p>The proxy speaks plain HTTP on every port. A request on a port bound to a Gateway port is
 * routed as if it had arrived there (with scheme {@code https} when that port has an HTTPS
 * listener: TLS is taken as terminated); on a port bound to no Gateway port, the port in the Host
 * header decides, else 80.
 */
public final class Proxy implements AutoCloseable {
  /** Request headers that belong to one connection and are not passed on. */
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "transfer-encoding",
          "upgrade",
          "te",
          "trailer",
          "host",
          "content-length",
          "expect");

  /**
   * Where the proxy listens.
   *
   * @param address the local address (port 0 picks a free one)
   * @param gatewayPort the Gateway port requests on it arrive at, or 0 for the Host header's port
   */
  public record Binding(InetSocketAddress address, int gatewayPort) {}

  /**
   * What the proxy accepts and how long it waits.
   *
   * @param maxBodyBytes the largest request body passed on; a larger one is answered 413
   * @param connectTimeout how long to wait for an upstream to accept the connection
   * @param responseTimeout how long to wait for an upstream's response (then 504)
   */
  public record Limits(long maxBodyBytes, Duration connectTimeout, Duration responseTimeout) {
    /** 16 MiB bodies, 5 s to connect, 30 s for the response. */
    public static final Limits DEFAULT =
        new Limits(16L << 20, Duration.ofSeconds(5), Duration.ofSeconds(30));
  }

  private final RoutingTable table;
  private final Router router;
  private final String gateway;
  private final Map<String, URI> upstreams;
  private final Consumer<String> log;
  private final Limits limits;
  private final HttpClient client;
  private final List<Listening> servers = new ArrayList<>();

  /** A server and the Gateway port it stands for (0: the Host header's port decides). */
  private record Listening(HttpServer server, int gatewayPort) {}

  private Proxy(
      RoutingTable table,
      long seed,
      String gateway,
      Map<String, URI> upstreams,
      Limits limits,
      Consumer<String> log) {
    this.table = table;
    this.router = new Router(DataPlanes.gatewaysOf(table), null, null, seed, false);
    this.gateway = gateway;
    this.upstreams = Map.copyOf(upstreams);
    this.log = log;
    this.limits = limits;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(limits.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Starts listening.
   *
   * @param gateway {@code namespace/name} of the only Gateway to route through, or null for the
   *     first whose listener accepts each request
   * @param upstreams real upstreams by Service {@code namespace/name}; other backends are echoed
   * @param limits body size and upstream timeouts
   * @param log receives one line per request
   * @throws IOException when a port cannot be bound
   */
  public static Proxy start(
      RoutingTable table,
      long seed,
      String gateway,
      List<Binding> bindings,
      Map<String, URI> upstreams,
      Limits limits,
      Consumer<String> log)
      throws IOException {
    Proxy p = new Proxy(table, seed, gateway, upstreams, limits, log);
    try {
      for (Binding b : bindings) {
        HttpServer server = HttpServer.create(b.address(), 64);
        server.createContext("/", ex -> p.handle(ex, b.gatewayPort()));
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        p.servers.add(new Listening(server, b.gatewayPort()));
      }
    } catch (IOException e) {
      p.close();
      throw e;
    }
    return p;
  }

  /**
   * Where to listen: {@code listen} alone, or with a port offset one loopback port per Gateway
   * listener port (port plus offset; none when the table has no listener).
   */
  public static List<Binding> bindings(
      RoutingTable table, InetSocketAddress listen, Integer portOffset) {
    if (portOffset == null) {
      return List.of(new Binding(listen, 0));
    }
    List<Binding> out = new ArrayList<>();
    for (int port : gatewayPorts(table)) {
      out.add(new Binding(new InetSocketAddress("127.0.0.1", port + portOffset), port));
    }
    return out;
  }

  /**
   * What a person starting the proxy needs to read: each address actually bound (with the Gateway
   * port it stands for), and a warning for any that is not a loopback address.
   */
  public List<String> banner() {
    List<String> out = new ArrayList<>();
    for (Listening l : servers) {
      InetSocketAddress a = l.server().getAddress();
      int gw = l.gatewayPort();
      String host = a.getAddress().getHostAddress();
      out.add(
          "listening on http://"
              + (host.indexOf(':') >= 0 ? "[" + host + "]" : host)
              + ":"
              + a.getPort()
              + (gw == 0 ? "" : " (Gateway port " + gw + ")"));
      if (!a.getAddress().isLoopbackAddress()) {
        out.add(
            "warning: "
                + host
                + " is not a loopback address: other machines can send requests through this"
                + " proxy to the --backend upstreams");
      }
    }
    return out;
  }

  /** Which address could not be bound, and why ({@code address in use}, ...). */
  public static String cannotListen(List<Binding> bindings, IOException e) {
    String where =
        bindings.size() == 1
            ? bindings.get(0).address().getHostString() + ":" + bindings.get(0).address().getPort()
            : "one of the ports "
                + bindings.stream()
                    .map(b -> String.valueOf(b.address().getPort()))
                    .collect(java.util.stream.Collectors.joining(", "));
    String why =
        e instanceof java.net.BindException && String.valueOf(e.getMessage()).contains("in use")
            ? "address in use"
            : String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return "cannot listen on " + where + " (" + why + ")";
  }

  /** Every listener port of the routing table, sorted. */
  public static List<Integer> gatewayPorts(RoutingTable table) {
    java.util.TreeSet<Integer> ports = new java.util.TreeSet<>();
    for (GatewayTable g : table.gateways()) {
      ports.addAll(g.ports());
    }
    return List.copyOf(ports);
  }

  @Override
  public void close() {
    for (Listening l : servers) {
      l.server().stop(0);
      if (l.server().getExecutor() instanceof java.util.concurrent.ExecutorService e) {
        e.shutdownNow();
      }
    }
    servers.clear();
  }

  // Exchange attributes: how the log line names the request, and the backend it went to.
  private static final String LOGGED_AS = "gwc.request";
  private static final String LOGGED_BACKEND = "gwc.backend";

  private void handle(HttpExchange ex, int gatewayPort) throws IOException {
    ex.setAttribute(LOGGED_AS, Logs.escape(ex.getRequestMethod() + " " + ex.getRequestURI()));
    try {
      if (ex.getRequestMethod().equals("CONNECT")) {
        // A forward proxy's tunnel: gwc serve stands in for a Gateway and opens none.
        Map<String, List<String>> allow = new LinkedHashMap<>();
        allow.put("allow", List.of("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"));
        send(ex, 405, allow, text("CONNECT is not served: gwc serve is a gateway, not a tunnel"));
        return;
      }
      Body body = readBody(ex);
      if (body.tooLarge()) {
        send(
            ex,
            413,
            Map.of(),
            text("request body larger than " + limits.maxBodyBytes() + " bytes (--max-body-size)"));
        return;
      }
      Request req = request(ex, gatewayPort);
      ex.setAttribute(LOGGED_AS, Logs.escape(req.display()));
      Result r = router.one(gateway, req);
      if (r.backend() != null) {
        ex.setAttribute(LOGGED_BACKEND, r.backend().namespace() + "/" + r.backend().name());
      }
      if (r.location() != null || r.backend() == null || r.status() != 200) {
        answer(ex, r);
      } else {
        URI upstream = upstreams.get(r.backend().namespace() + "/" + r.backend().name());
        if (upstream == null) {
          echo(ex, r);
        } else {
          forward(ex, r, upstream, body.bytes());
        }
      }
    } catch (RuntimeException e) {
      // A request the proxy cannot route (say, a malformed Host header) gets a 400, not a crash.
      send(ex, 400, Map.of(), text(String.valueOf(e.getMessage())));
    } finally {
      ex.close();
    }
  }

  /**
   * The request as the Gateway would route it. The path's dot-segments are removed first (also
   * percent-encoded dots), as Envoy-based gateways normalise paths by default, so that {@code
   * /public/../admin} is routed as {@code /admin}, the path the upstream will serve. A request
   * target in absolute form ({@code GET http://host/path}, as sent to a proxy) names the host
   * itself; its authority only picks the route, never where the proxy connects.
   */
  private Request request(HttpExchange ex, int gatewayPort) {
    URI uri = ex.getRequestURI();
    boolean absoluteForm = uri.getScheme() != null && uri.getRawAuthority() != null;
    String hostHeader = ex.getRequestHeaders().getFirst("Host");
    String host =
        absoluteForm ? uri.getRawAuthority() : hostHeader == null ? "localhost" : hostHeader;
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (!absoluteForm && uri.getRawAuthority() != null) {
      // A target that begins with "//" is parsed as an authority; it is all path here.
      path = "//" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
    HostHeader split = HostHeader.of(host);
    host = split.host();
    int hostPort = split.port();
    int port = gatewayPort != 0 ? gatewayPort : hostPort > 0 ? hostPort : 80;
    HeaderList headers = HeaderList.EMPTY;
    for (Map.Entry<String, List<String>> e : ex.getRequestHeaders().entrySet()) {
      String name = e.getKey().toLowerCase(Locale.ROOT);
      if (name.equals("host")) {
        continue;
      }
      for (String v : e.getValue()) {
        headers = headers.add(name, v);
      }
    }
    return new Request(
        ex.getRequestMethod(),
        httpsOn(port) ? "https" : "http",
        host,
        port,
        UpstreamUrls.removeDotSegments(path),
        uri.getRawQuery(),
        headers,
        HeaderList.EMPTY);
  }

  private boolean httpsOn(int port) {
    for (GatewayTable g : table.gateways()) {
      if (g.terminatesHttpsOn(port)) {
        return true;
      }
    }
    return false;
  }

  /** A redirect or an error, answered by the proxy itself. */
  private void answer(HttpExchange ex, Result r) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>(r.response().asMap());
    if (r.location() != null) {
      headers.put("location", List.of(r.location()));
    }
    String why = r.trace().isEmpty() ? "" : r.trace().get(r.trace().size() - 1);
    send(ex, r.status(), headers, text(why));
  }

  /** The built-in backend: JSON describing the request as the backend receives it. */
  private void echo(HttpExchange ex, Result r) throws IOException {
    Map<String, Object> backend = new LinkedHashMap<>();
    backend.put("kind", r.backend().kind());
    backend.put("namespace", r.backend().namespace());
    backend.put("name", r.backend().name());
    backend.put("port", r.backend().port() == null ? null : (long) r.backend().port());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("backend", backend);
    json.put(
        "gateway", r.gateway() == null ? null : r.gateway().namespace() + "/" + r.gateway().name());
    json.put("listener", r.listener());
    if (r.route() != null) {
      json.put(
          "route",
          r.route().kind()
              + " "
              + r.route().namespace()
              + "/"
              + r.route().name()
              + " rule "
              + r.route().rule());
    }
    Result.Upstream up = r.upstream();
    json.put("method", up.method());
    json.put("host", up.host());
    json.put("path", up.path());
    json.put("headers", up.headers().asMap());
    Map<String, List<String>> headers = new LinkedHashMap<>(r.response().asMap());
    headers.put("content-type", List.of("application/json"));
    send(ex, 200, headers, (Values.json(json) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The request as filters left it, to a real upstream; its answer, with response filters. The
   * destination is the configured upstream and nothing else: the path is appended to it as text,
   * never resolved as a URI reference (where {@code //host:port/...} would name another server).
   */
  private void forward(HttpExchange ex, Result r, URI upstream, byte[] body) throws IOException {
    Result.Upstream up = r.upstream();
    URI target = UpstreamUrls.target(upstream, up.path());
    if (target == null) {
      send(
          ex,
          502,
          Map.of(),
          text("the rewritten path '" + up.path() + "' is not a valid URL path"));
      return;
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(target)
            .timeout(limits.responseTimeout())
            .method(
                up.method(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (HeaderList.Header h : up.headers().entries()) {
      if (!HOP_BY_HOP.contains(h.name().toLowerCase(Locale.ROOT))) {
        b.header(h.name(), h.value());
      }
    }
    b.header("x-forwarded-host", up.host());
    HttpResponse<byte[]> resp;
    try {
      resp = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      String what =
          e instanceof HttpConnectTimeoutException
              ? "did not accept a connection within " + limits.connectTimeout().toMillis() + " ms"
              : "did not answer within " + limits.responseTimeout().toMillis() + " ms";
      send(ex, 504, Map.of(), text("upstream " + upstream + " " + what));
      return;
    } catch (IOException e) {
      String why =
          e instanceof ConnectException ? "connection refused" : String.valueOf(e.getMessage());
      send(ex, 502, Map.of(), text("upstream " + upstream + ": " + why));
      return;
    } catch (IllegalArgumentException e) {
      // A method or header the HTTP client refuses to send.
      send(ex, 502, Map.of(), text("cannot send to upstream " + upstream + ": " + e.getMessage()));
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      send(ex, 502, Map.of(), text("interrupted"));
      return;
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    resp.headers()
        .map()
        .forEach(
            (k, v) -> {
              if (!HOP_BY_HOP.contains(k.toLowerCase(Locale.ROOT)) && !k.startsWith(":")) {
                headers.put(k.toLowerCase(Locale.ROOT), v);
              }
            });
    headers.putAll(r.response().asMap()); // what ResponseHeaderModifier filters set
    send(ex, resp.statusCode(), headers, resp.body());
  }

  /** An answer of the proxy's own: one line of text. */
  private static byte[] text(String message) {
    return ("gwc serve: " + message + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Logs the request with the status the client gets, then sends the response. */
  private void send(HttpExchange ex, int status, Map<String, List<String>> headers, byte[] body)
      throws IOException {
    Object backend = ex.getAttribute(LOGGED_BACKEND);
    log.accept(
        ex.getAttribute(LOGGED_AS) + "  " + status + (backend == null ? "" : " -> " + backend));
    headers.forEach((k, v) -> ex.getResponseHeaders().put(k, new ArrayList<>(v)));
    boolean noBody = ex.getRequestMethod().equals("HEAD") || status == 204 || status == 304;
    ex.sendResponseHeaders(status, noBody ? -1 : body.length == 0 ? -1 : body.length);
    if (!noBody && body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** A request body read up to the limit; {@code tooLarge} when there was more. */
  private record Body(byte[] bytes, boolean tooLarge) {}

  private Body readBody(HttpExchange ex) throws IOException {
    long max = limits.maxBodyBytes();
    String declared = ex.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.strip()) > max) {
          return new Body(new byte[0], true);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Content-Length '" + declared + "' is not a number");
      }
    }
    try (InputStream in = ex.getRequestBody()) {
      byte[] bytes = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
      return bytes.length > max ? new Body(new byte[0], true) : new Body(bytes, false);
    }
  }
}
