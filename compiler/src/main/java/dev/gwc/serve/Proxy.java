package dev.gwc.serve;

import dev.gwc.sim.Router;
import dev.gwc.table.DataPlanes;
import dev.gwc.table.GatewayTable;
import dev.gwc.table.IstioTable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code gwc serve}: the routing table as a real HTTP proxy on loopback, on Jetty (HTTP/1.1, and
 * HTTP/2 in clear text for gRPC clients). Every request is routed exactly as {@code gwc simulate}
 * routes it; a redirect or an error is answered by the proxy, and a request that reaches a backend
 * goes to the upstream mapped to that Service, or else to a built-in echo server that answers with
 * JSON describing the request it received ({@link GatewayHandler}).
 *
 * <p>The proxy speaks plain HTTP on every port. A request on a port bound to a Gateway port is
 * routed as if it had arrived there (with scheme {@code https} when that port has an HTTPS
 * listener: TLS is taken as terminated); on a port bound to no Gateway port, the port in the Host
 * header decides, else 80.
 */
public final class Proxy implements AutoCloseable {
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
   * @param maxHeaderBytes the largest request line and headers (431, or 414 for the line alone)
   * @param idleTimeout how long a connection may stay silent, also while sending its headers
   */
  public record Limits(
      long maxBodyBytes,
      Duration connectTimeout,
      Duration responseTimeout,
      int maxHeaderBytes,
      Duration idleTimeout) {
    /** 16 MiB bodies, 5 s to connect, 30 s for the response, 8 KiB of headers, 30 s idle. */
    public static final Limits DEFAULT =
        new Limits(
            16L << 20,
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            8 << 10,
            Duration.ofSeconds(30));
  }

  /** The name prefix of a connector that stands for a Gateway port. */
  private static final String GATEWAY_PORT = "gateway-port-";

  private final Server server;
  private final LogQueue log;
  private final List<Listening> listening = new ArrayList<>();
  private final IntUnaryOperator hostPortMeans;

  /** A bound connector and the Gateway port it stands for (0: the Host header's port decides). */
  private record Listening(ServerConnector connector, int gatewayPort, boolean tls) {}

  private Proxy(Server server, LogQueue log, IntUnaryOperator hostPortMeans) {
    this.server = server;
    this.log = log;
    this.hostPortMeans = hostPortMeans;
  }

  /**
   * What the proxy serves.
   *
   * @param planes the data planes (Gateways, ingress classes, Istio ingress gateways)
   * @param seed the seed of weighted choices
   * @param gateway {@code namespace/name} of the only Gateway to route through, or null for the
   *     first whose listener accepts each request
   * @param bindings where to listen
   * @param upstreams real upstreams by Service {@code namespace/name}; other backends are echoed
   * @param limits body and header sizes, timeouts
   * @param tls the certificates of the Gateway ports that terminate TLS, or null to speak plain
   *     HTTP everywhere (TLS taken as terminated)
   */
  public record Config(
      DataPlanes planes,
      long seed,
      String gateway,
      List<Binding> bindings,
      Map<String, URI> upstreams,
      Limits limits,
      TlsCertificates tls) {}

  /**
   * Starts listening.
   *
   * @param write writes one log line per request (from one thread, in a batch)
   * @param flush makes the lines written so far visible
   * @throws IOException when a port cannot be bound
   */
  public static Proxy start(Config config, Consumer<String> write, Runnable flush)
      throws IOException {
    DataPlanes table = config.planes();
    Limits limits = config.limits();
    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName("gwc-serve");
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(limits.maxHeaderBytes());
    http.setSendServerVersion(false);
    // Paths are taken as sent (also %2e%2e and //): the handler normalises them, as a Gateway does.
    http.setUriCompliance(UriCompliance.UNSAFE);
    http.setIdleTimeout(limits.idleTimeout().toMillis());
    // An absolute-form target names the host to route by, whatever the Host header says (RFC 9112,
    // section 3.2.2); it never names where the proxy connects.
    http.setHttpCompliance(
        HttpCompliance.RFC9110.with("gwc", HttpCompliance.Violation.MISMATCHED_AUTHORITY));
    Proxy p = new Proxy(server, new LogQueue(write, flush), hostPortMeans(table, config.gateway()));
    for (Binding b : config.bindings()) {
      KeyStore keys = config.tls() == null ? null : config.tls().keyStore(b.gatewayPort());
      ServerConnector c =
          keys == null
              ? new ServerConnector(
                  server, new HttpConnectionFactory(http), new HTTP2CServerConnectionFactory(http))
              : tlsConnector(server, http, keys);
      c.setHost(b.address().getHostString());
      c.setPort(b.address().getPort());
      c.setIdleTimeout(limits.idleTimeout().toMillis());
      c.setName(GATEWAY_PORT + b.gatewayPort());
      server.addConnector(c);
      p.listening.add(new Listening(c, b.gatewayPort(), keys != null));
    }
    Router router = new Router(table, null, null, config.seed(), false);
    server.setHandler(
        new GatewayHandler(
            router,
            config.gateway(),
            config.upstreams(),
            limits,
            p.log,
            httpsPorts(table)::contains,
            p.hostPortMeans));
    try {
      server.start();
    } catch (IOException e) {
      p.close();
      throw e;
    } catch (Exception e) {
      p.close();
      throw new IOException(e.getMessage(), e);
    }
    return p;
  }

  /**
   * A connector that terminates TLS with the port's certificates and speaks HTTP/2 or HTTP/1.1, as
   * the client offers by ALPN. The TLS server name is not required to match the Host header: a
   * request whose names differ is the routing table's to answer (421, as {@code simulate} does).
   */
  private static ServerConnector tlsConnector(
      Server server, HttpConfiguration http, KeyStore keys) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStore(keys);
    ssl.setKeyStorePassword(new String(TlsCertificates.PASSWORD));
    ssl.setSniRequired(false);
    HttpConfiguration https = new HttpConfiguration(http);
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    secure.setSniHostCheck(false);
    secure.setSniRequired(false);
    https.addCustomizer(secure);
    HttpConnectionFactory h1 = new HttpConnectionFactory(https);
    HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(https);
    ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
    alpn.setDefaultProtocol(h1.getProtocol());
    SslConnectionFactory tls = new SslConnectionFactory(ssl, alpn.getProtocol());
    return new ServerConnector(server, tls, alpn, h2, h1);
  }

  /** The Gateway port the connector a request arrived on stands for (0: none). */
  static int gatewayPort(org.eclipse.jetty.server.Request request) {
    Connector c = request.getConnectionMetaData().getConnector();
    String name = c == null ? null : c.getName();
    return name != null && name.startsWith(GATEWAY_PORT)
        ? Integer.parseInt(name.substring(GATEWAY_PORT.length()))
        : 0;
  }

  /**
   * The Gateway port a request on {@code --listen} arrives at when its Host header names {@code
   * hostPort}: that port when a Gateway listens on it, else (a browser naming the listen port) the
   * one plain HTTP port when there is one, else the port as it is.
   */
  private static IntUnaryOperator hostPortMeans(DataPlanes table, String gateway) {
    // Worked out once: the handler asks on every request.
    java.util.Set<Integer> ports = java.util.Set.copyOf(gatewayPorts(table));
    int only = onlyHttpPort(table, gateway);
    return hostPort -> ports.contains(hostPort) || only == 0 ? hostPort : only;
  }

  /** The ports on which some data plane terminates TLS (requests there are https). */
  private static java.util.Set<Integer> httpsPorts(DataPlanes table) {
    java.util.Set<Integer> out = new java.util.HashSet<>();
    for (int port : gatewayPorts(table)) {
      if (httpsOn(table, port)) {
        out.add(port);
      }
    }
    return java.util.Set.copyOf(out);
  }

  private static boolean httpsOn(DataPlanes table, int port) {
    if (port == 443 && !table.ingresses().isEmpty()) {
      return true; // ingress-nginx serves https on 443
    }
    for (IstioTable.SelectorTable t : table.istio().selectors()) {
      for (IstioTable.Server s : t.servers()) {
        if (s.port() == port && s.protocol().equals("HTTPS")) {
          return true;
        }
      }
    }
    for (GatewayTable g : table.gateways().gateways()) {
      if (g.terminatesHttpsOn(port)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where to listen: {@code listen} alone (standing for {@code gatewayPort}, or with null for the
   * Host header's port), or with a port offset one loopback port per Gateway listener port (port
   * plus offset; none when the table has no listener).
   */
  public static List<Binding> bindings(
      DataPlanes table, InetSocketAddress listen, Integer portOffset, Integer gatewayPort) {
    if (portOffset == null) {
      return List.of(new Binding(listen, gatewayPort == null ? 0 : gatewayPort));
    }
    List<Binding> out = new ArrayList<>();
    for (int port : gatewayPorts(table)) {
      out.add(new Binding(new InetSocketAddress("127.0.0.1", port + portOffset), port));
    }
    return out;
  }

  /**
   * The one port on which the Gateways (or the one of {@code gateway}, {@code namespace/name}) have
   * plain HTTP listeners, or 0 when there are several or none. On {@code --listen}, a Host header
   * naming the listen port itself (as a browser sends it) stands for this port.
   */
  public static int onlyHttpPort(DataPlanes table, String gateway) {
    java.util.TreeSet<Integer> ports = new java.util.TreeSet<>();
    if (gateway == null) {
      for (IstioTable.SelectorTable t : table.istio().selectors()) {
        for (IstioTable.Server s : t.servers()) {
          if (s.protocol().equals("HTTP")) {
            ports.add(s.port());
          }
        }
      }
      if (!table.ingresses().isEmpty()) {
        ports.add(80);
      }
    }
    for (GatewayTable g : table.gateways().gateways()) {
      if (gateway == null || gateway.equals(g.display())) {
        for (var l : g.listeners()) {
          if ("HTTP".equals(l.protocol)) {
            ports.add(l.port);
          }
        }
      }
    }
    return ports.size() == 1 ? ports.first() : 0;
  }

  /**
   * What a person starting the proxy needs to read: each address actually bound (with the Gateway
   * port it stands for), and a warning for any that is not a loopback address.
   */
  public List<String> banner() {
    List<String> out = new ArrayList<>();
    for (Listening l : listening) {
      InetSocketAddress a =
          new InetSocketAddress(l.connector().getHost(), l.connector().getLocalPort());
      int gw = l.gatewayPort();
      String host = a.getAddress().getHostAddress();
      out.add(
          "listening on "
              + (l.tls() ? "https://" : "http://")
              + (host.indexOf(':') >= 0 ? "[" + host + "]" : host)
              + ":"
              + a.getPort()
              + (gw != 0
                  ? " (Gateway port " + gw + ")"
                  : hostPortMeans.applyAsInt(a.getPort()) != a.getPort()
                      ? " (a Host header naming this port means Gateway port "
                          + hostPortMeans.applyAsInt(a.getPort())
                          + ")"
                      : ""));
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
    Throwable cause = e.getCause() instanceof java.net.BindException ? e.getCause() : e;
    String why =
        cause instanceof java.net.BindException
                && String.valueOf(cause.getMessage()).contains("in use")
            ? "address in use"
            : String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
    return "cannot listen on " + where + " (" + why + ")";
  }

  /** The Services of {@code upstreams} that no attached route sends to, sorted. */
  public static List<String> unusedUpstreams(DataPlanes table, Map<String, URI> upstreams) {
    if (!table.ingresses().isEmpty()) {
      return List.of(); // an Ingress's backends are not listed: say nothing rather than guess
    }
    return upstreams.keySet().stream()
        .filter(
            s ->
                !table.gateways().backendServices().contains(s)
                    && !table.istio().backendServices().contains(s))
        .sorted()
        .toList();
  }

  /**
   * Every port a data plane listens on (Gateway listeners, Istio servers, 80/443 for
   * ingress-nginx), sorted.
   */
  public static List<Integer> gatewayPorts(DataPlanes table) {
    java.util.TreeSet<Integer> ports = new java.util.TreeSet<>();
    for (IstioTable.SelectorTable t : table.istio().selectors()) {
      t.servers().forEach(s -> ports.add(s.port()));
    }
    if (!table.ingresses().isEmpty()) {
      ports.add(80);
      ports.add(443);
    }
    for (GatewayTable g : table.gateways().gateways()) {
      ports.addAll(g.ports());
    }
    return List.copyOf(ports);
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      // Stopping a server that failed to start may fail again; nothing is left to release.
    }
    log.close();
  }
}
