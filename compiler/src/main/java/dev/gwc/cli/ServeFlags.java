package dev.gwc.cli;

import dev.gwc.serve.Proxy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options of {@code gwc serve}, and what they say once checked. */
final class ServeFlags {

  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      defaultValue = "127.0.0.1:8080",
      description = "Where to listen when --port-offset is not given (default: ${DEFAULT-VALUE}).")
  String listen;

  @Option(
      names = "--port-offset",
      paramLabel = "N",
      description =
          "Listen on one loopback port per Gateway listener port: the port plus N (80 -> 80+N).")
  Integer portOffset;

  @Option(
      names = "--gateway-port",
      paramLabel = "N",
      description =
          "With --listen: requests arrive at Gateway port N, whatever port their Host header names"
              + " (by default the Host header's port decides, else 80; a Host naming the listen port"
              + " itself, as a browser sends it, means the Gateways' only plain HTTP port when they"
              + " have one).")
  Integer gatewayPort;

  @Option(
      names = "--tls",
      description =
          "Terminate TLS on the ports of HTTPS listeners (with --port-offset; with --listen, the one"
              + " such port or --gateway-port), with HTTP/2 by ALPN. Each listener presents the"
              + " certificate of its Secrets when the input has them, else one of a local"
              + " certificate authority (made once, see --ca-dir) for its hostnames; the TLS server"
              + " name picks the listener as simulate picks it.")
  boolean tls;

  @Option(
      names = "--ca-dir",
      paramLabel = "DIR",
      description =
          "Where --tls keeps its local certificate authority (ca.pem to trust, ca.key)"
              + " (default: $XDG_CACHE_HOME/gwc/serve-ca, else ~/.cache/gwc/serve-ca).")
  Path caDir;

  @Option(
      names = "--backend",
      paramLabel = "NS/NAME=URL",
      description =
          "Send requests for Service NS/NAME to a real upstream (repeatable); others are echoed.")
  List<String> backends = new ArrayList<>();

  @Option(
      names = "--gateway",
      paramLabel = "NS/NAME",
      description =
          "Route through this Gateway only (default: the first that accepts each request).")
  String gateway;

  @picocli.CommandLine.Mixin IngressClassFlag ingress;

  @picocli.CommandLine.Mixin SeedFlag seed;

  @Option(
      names = "--max-body-size",
      paramLabel = "SIZE",
      defaultValue = "16M",
      description =
          "Largest request body passed on, in bytes or with K, M or G (default: ${DEFAULT-VALUE});"
              + " a larger body is answered 413 and never forwarded in part.")
  String maxBodySize;

  @Option(
      names = "--upstream-timeout",
      paramLabel = "DURATION",
      defaultValue = "30s",
      description =
          "How long to wait for a --backend upstream's response, e.g. 500ms, 30s, 2m (default:"
              + " ${DEFAULT-VALUE}); then 504. Connecting may take at most 5s (then 504 too); a"
              + " refused connection is 502.")
  String upstreamTimeout;

  @Option(
      names = "--max-header-size",
      paramLabel = "SIZE",
      defaultValue = "8K",
      description =
          "Largest request line plus headers, in bytes or with K or M (default: ${DEFAULT-VALUE});"
              + " larger headers are answered 431, a longer request line 414.")
  String maxHeaderSize;

  @Option(
      names = "--idle-timeout",
      paramLabel = "DURATION",
      defaultValue = "30s",
      description =
          "How long a client connection may stay silent, also while it sends its request line and"
              + " headers (default: ${DEFAULT-VALUE}); then it is closed, so slow clients cannot"
              + " hold the proxy's threads.")
  String idleTimeout;

  /**
   * The checked options.
   *
   * @param upstreams real upstreams by Service {@code namespace/name}
   * @param address where to listen without {@code --port-offset}
   * @param limits body size and upstream timeouts
   */
  record Checked(Map<String, URI> upstreams, InetSocketAddress address, Proxy.Limits limits) {}

  /** The options checked; a usage error names the flag and what it expects. */
  Checked check() throws UsageException {
    if (gatewayPort != null && portOffset != null) {
      throw new UsageException(
          "--gateway-port goes with --listen; with --port-offset each port stands for its own");
    }
    if (gatewayPort != null && (gatewayPort < 1 || gatewayPort > 65535)) {
      throw new UsageException("--gateway-port must be between 1 and 65535");
    }
    if (portOffset != null && (portOffset < 0 || portOffset > 60000)) {
      throw new UsageException("--port-offset must be between 0 and 60000");
    }
    return new Checked(
        upstreams(),
        address(listen),
        new Proxy.Limits(
            Sizes.bytes("--max-body-size", maxBodySize),
            Proxy.Limits.DEFAULT.connectTimeout(),
            Sizes.duration("--upstream-timeout", upstreamTimeout),
            headerBytes(),
            Sizes.duration("--idle-timeout", idleTimeout)));
  }

  private int headerBytes() throws UsageException {
    long bytes = Sizes.bytes("--max-header-size", maxHeaderSize);
    if (bytes < 1024 || bytes > (1 << 20)) {
      throw new UsageException(
          "--max-header-size '" + maxHeaderSize + "': must be between 1K and 1M");
    }
    return (int) bytes;
  }

  private Map<String, URI> upstreams() throws UsageException {
    Map<String, URI> out = new LinkedHashMap<>();
    for (String b : backends) {
      int eq = b.indexOf('=');
      String service = eq < 0 ? "" : b.substring(0, eq);
      if (eq < 0 || service.indexOf('/') <= 0 || service.endsWith("/")) {
        throw new UsageException("--backend '" + b + "': expected NS/NAME=http://host:port");
      }
      URI uri;
      try {
        uri = URI.create(b.substring(eq + 1));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--backend '" + b + "': not a URL");
      }
      if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new UsageException("--backend '" + b + "': the upstream must be an http:// URL");
      }
      out.put(service, uri);
    }
    return out;
  }

  private static InetSocketAddress address(String hostPort) throws UsageException {
    int colon = hostPort.lastIndexOf(':');
    try {
      int port = Integer.parseInt(hostPort.substring(colon + 1));
      if (colon <= 0 || port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return new InetSocketAddress(hostPort.substring(0, colon), port);
    } catch (NumberFormatException e) {
      throw new UsageException("--listen '" + hostPort + "': expected HOST:PORT");
    }
  }
}
