package dev.gwc.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gwc.output.Values;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

  private final RoutingTable table;
  private final Replay replay;
  private final String gateway;
  private final Map<String, URI> upstreams;
  private final Consumer<String> log;
  private final HttpClient client;
  private final List<HttpServer> servers = new ArrayList<>();

  private Proxy(
      RoutingTable table,
      long seed,
      String gateway,
      Map<String, URI> upstreams,
      Consumer<String> log) {
    this.table = table;
    this.replay = new Replay(table, null, seed);
    this.gateway = gateway;
    this.upstreams = Map.copyOf(upstreams);
    this.log = log;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Starts listening.
   *
   * @param gateway {@code namespace/name} of the only Gateway to route through, or null for the
   *     first whose listener accepts each request
   * @param upstreams real upstreams by Service {@code namespace/name}; other backends are echoed
   * @param log receives one line per request
   * @throws IOException when a port cannot be bound
   */
  public static Proxy start(
      RoutingTable table,
      long seed,
      String gateway,
      List<Binding> bindings,
      Map<String, URI> upstreams,
      Consumer<String> log)
      throws IOException {
    Proxy p = new Proxy(table, seed, gateway, upstreams, log);
    try {
      for (Binding b : bindings) {
        HttpServer server = HttpServer.create(b.address(), 64);
        server.createContext("/", ex -> p.handle(ex, b.gatewayPort()));
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        p.servers.add(server);
      }
    } catch (IOException e) {
      p.close();
      throw e;
    }
    return p;
  }

  /** The addresses bound, in the order of the bindings (ports resolved). */
  public List<InetSocketAddress> addresses() {
    return servers.stream().map(HttpServer::getAddress).toList();
  }

  /** Every listener port of the routing table, sorted. */
  public static List<Integer> gatewayPorts(RoutingTable table) {
    java.util.TreeSet<Integer> ports = new java.util.TreeSet<>();
    for (GatewayTable g : table.gateways()) {
      for (ListenerTable l : g.listeners()) {
        ports.add(l.port);
      }
    }
    return List.copyOf(ports);
  }

  @Override
  public void close() {
    for (HttpServer s : servers) {
      s.stop(0);
      if (s.getExecutor() instanceof java.util.concurrent.ExecutorService e) {
        e.shutdownNow();
      }
    }
    servers.clear();
  }

  private void handle(HttpExchange ex, int gatewayPort) throws IOException {
    try {
      byte[] body = readBody(ex.getRequestBody());
      Request req = request(ex, gatewayPort);
      Result r = replay.one(gateway, req);
      String target =
          r.backend() == null ? "" : " -> " + r.backend().namespace() + "/" + r.backend().name();
      log.accept(
          req.method()
              + " "
              + req.scheme()
              + "://"
              + req.host()
              + ":"
              + req.port()
              + req.pathAndQuery()
              + "  "
              + r.status()
              + target);
      if (r.location() != null || r.backend() == null || r.status() != 200) {
        answer(ex, r);
      } else {
        URI upstream = upstreams.get(r.backend().namespace() + "/" + r.backend().name());
        if (upstream == null) {
          echo(ex, r);
        } else {
          forward(ex, r, upstream, body);
        }
      }
    } catch (RuntimeException e) {
      // A request the proxy cannot route (say, a malformed Host header) gets a 400, not a crash.
      send(
          ex,
          400,
          Map.of(),
          ("gwc serve: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
    } finally {
      ex.close();
    }
  }

  private Request request(HttpExchange ex, int gatewayPort) {
    String hostHeader = ex.getRequestHeaders().getFirst("Host");
    String host = hostHeader == null ? "localhost" : hostHeader;
    int hostPort = -1;
    int colon = host.lastIndexOf(':');
    if (colon > 0 && !host.endsWith("]")) {
      hostPort = Integer.parseInt(host.substring(colon + 1));
      host = host.substring(0, colon);
    }
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
    URI uri = ex.getRequestURI();
    return new Request(
        ex.getRequestMethod(),
        httpsOn(port) ? "https" : "http",
        host,
        port,
        uri.getRawPath() == null ? "/" : uri.getRawPath(),
        uri.getRawQuery(),
        headers,
        HeaderList.EMPTY);
  }

  private boolean httpsOn(int port) {
    for (GatewayTable g : table.gateways()) {
      for (ListenerTable l : g.onPort(port)) {
        if (l.protocol.equals("HTTPS")) {
          return true;
        }
      }
    }
    return false;
  }

  /** A redirect or an error, answered by the proxy itself. */
  private static void answer(HttpExchange ex, Result r) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>(r.response().asMap());
    if (r.location() != null) {
      headers.put("location", List.of(r.location()));
    }
    String why = r.trace().isEmpty() ? "" : r.trace().get(r.trace().size() - 1);
    send(
        ex,
        r.status(),
        headers,
        ("gwc serve: " + r.status() + " " + why + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** The built-in backend: JSON describing the request as the backend receives it. */
  private static void echo(HttpExchange ex, Result r) throws IOException {
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

  /** The request as filters left it, to a real upstream; its answer, with response filters. */
  private void forward(HttpExchange ex, Result r, URI upstream, byte[] body) throws IOException {
    Result.Upstream up = r.upstream();
    URI target = upstream.resolve(up.path());
    HttpRequest.Builder b =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(30))
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
    } catch (IOException e) {
      send(
          ex,
          502,
          Map.of(),
          ("gwc serve: upstream " + target + ": " + e.getMessage() + "\n")
              .getBytes(StandardCharsets.UTF_8));
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      send(ex, 502, Map.of(), "gwc serve: interrupted\n".getBytes(StandardCharsets.UTF_8));
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

  private static void send(
      HttpExchange ex, int status, Map<String, List<String>> headers, byte[] body)
      throws IOException {
    headers.forEach((k, v) -> ex.getResponseHeaders().put(k, new ArrayList<>(v)));
    boolean noBody = ex.getRequestMethod().equals("HEAD") || status == 204 || status == 304;
    ex.sendResponseHeaders(status, noBody ? -1 : body.length == 0 ? -1 : body.length);
    if (!noBody && body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static byte[] readBody(InputStream in) throws IOException {
    return in.readNBytes(16 * 1024 * 1024);
  }
}
