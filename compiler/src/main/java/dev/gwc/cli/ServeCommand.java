package dev.gwc.cli;

import dev.gwc.pipeline.Compiler;
import dev.gwc.pipeline.Options;
import dev.gwc.pipeline.Report;
import dev.gwc.serve.Proxy;
import dev.gwc.source.Inputs;
import dev.gwc.table.RoutingTable;
import dev.gwc.validate.cel.CelEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code gwc serve}: the compiled routing table as a real HTTP proxy on loopback. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the routing table of the compiled set as a real HTTP/1.1 proxy on loopback, so that curl,"
          + " a browser or a test suite can send requests through it. Every request is routed exactly"
          + " as gwc simulate routes it; redirects and errors (404, 500) are answered by the proxy;"
          + " a request that reaches a backend goes to the upstream given with --backend, or to a"
          + " built-in echo server that answers with JSON describing the request it received"
          + " (method, host, path and headers after filters, and the backend's namespace/name).",
      "The proxy speaks plain HTTP on every port: on a port bound to a Gateway port (--port-offset),"
          + " requests count as arriving on that Gateway port, with TLS taken as terminated where the"
          + " port has an HTTPS listener; on --listen, the port of the Host header decides (else 80)."
          + " One line per request goes to standard error. Stop with Ctrl-C."
    },
    footer = {
      "",
      "Examples:",
      "  gwc serve examples/shop &",
      "  curl -H 'Host: www.shop.example.com' http://127.0.0.1:8080/cart",
      "  gwc serve --port-offset 10000 examples/shop     80 -> 10080, 443 -> 10443",
      "  gwc serve --backend shop/api=http://127.0.0.1:9000 examples/shop",
      "",
      "Exit codes: 2 usage error or a port that cannot be bound; otherwise it runs until stopped."
    })
final class ServeCommand implements Callable<Integer> {
  @ParentCommand GwcCommand parent;

  @Mixin CommonOptions common;

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

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "0",
      description = "Seed of the weighted backend choice (default: ${DEFAULT-VALUE}).")
  long seed;

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

  /** The stop signals of the proxies running in this JVM, for {@link #stopAll} (tests). */
  private static final java.util.Set<CountDownLatch> RUNNING =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Stops every proxy this JVM runs; the commands return 0. */
  static void stopAll() {
    RUNNING.forEach(CountDownLatch::countDown);
  }

  @Override
  public Integer call() {
    CelEngine.prepare(); // builds while the arguments and inputs are read
    Options options;
    Map<String, URI> upstreams;
    InetSocketAddress address;
    Proxy.Limits limits;
    try {
      options = common.toOptions();
      upstreams = upstreams();
      address = address(listen);
      limits =
          new Proxy.Limits(
              Sizes.bytes("--max-body-size", maxBodySize),
              Proxy.Limits.DEFAULT.connectTimeout(),
              Sizes.duration("--upstream-timeout", upstreamTimeout));
      if (portOffset != null && (portOffset < 0 || portOffset > 60000)) {
        throw new UsageException("--port-offset must be between 0 and 60000");
      }
    } catch (UsageException e) {
      parent.err.println("gwc serve: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    Report report;
    try {
      report = Compiler.create(options, parent.in).compile(Inputs.collect(common.paths), parent.in);
    } catch (IOException e) {
      parent.err.println("gwc serve: " + e.getMessage());
      return ExitCodes.FAILURE;
    }
    Findings.print(report, parent.err);
    RoutingTable table = RoutingTable.build(report);
    if (gateway != null && table.gateway(before(gateway), after(gateway)) == null) {
      parent.err.println("gwc serve: no Gateway '" + gateway + "' in the routing table");
      return ExitCodes.USAGE;
    }
    List<Proxy.Binding> bindings = new ArrayList<>();
    if (portOffset == null) {
      bindings.add(new Proxy.Binding(address, 0));
    } else {
      for (int port : Proxy.gatewayPorts(table)) {
        bindings.add(
            new Proxy.Binding(new InetSocketAddress("127.0.0.1", port + portOffset), port));
      }
      if (bindings.isEmpty()) {
        parent.err.println("gwc serve: no Gateway listener in the input to bind a port for");
        return ExitCodes.USAGE;
      }
    }
    PrintWriter err = parent.err;
    Object lock = new Object();
    try (Proxy proxy =
        Proxy.start(
            table,
            seed,
            gateway,
            bindings,
            upstreams,
            limits,
            line -> {
              synchronized (lock) {
                err.println(line);
                err.flush();
              }
            })) {
      List<InetSocketAddress> bound = proxy.addresses();
      for (int i = 0; i < bound.size(); i++) {
        int gw = bindings.get(i).gatewayPort();
        InetSocketAddress a = bound.get(i);
        String host = a.getAddress().getHostAddress();
        err.println(
            "gwc serve: listening on http://"
                + (host.indexOf(':') >= 0 ? "[" + host + "]" : host)
                + ":"
                + a.getPort()
                + (gw == 0 ? "" : " (Gateway port " + gw + ")"));
        if (!a.getAddress().isLoopbackAddress()) {
          err.println(
              "gwc serve: warning: "
                  + host
                  + " is not a loopback address: other machines can send requests through this"
                  + " proxy to the --backend upstreams");
        }
      }
      err.flush();
      CountDownLatch stop = new CountDownLatch(1);
      RUNNING.add(stop);
      try {
        stop.await();
      } finally {
        RUNNING.remove(stop);
      }
    } catch (IOException e) {
      parent.err.println("gwc serve: " + cannotListen(bindings, e));
      return ExitCodes.USAGE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ExitCodes.OK;
  }

  /** Which address could not be bound and what to do about it. */
  private String cannotListen(List<Proxy.Binding> bindings, IOException e) {
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
            : String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    String fix =
        portOffset == null ? "choose another with --listen" : "choose another --port-offset";
    return "cannot listen on " + where + " (" + why + "); " + fix;
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

  private static String before(String nsName) {
    int slash = nsName.indexOf('/');
    return slash < 0 ? "" : nsName.substring(0, slash);
  }

  private static String after(String nsName) {
    return nsName.substring(nsName.indexOf('/') + 1);
  }
}
