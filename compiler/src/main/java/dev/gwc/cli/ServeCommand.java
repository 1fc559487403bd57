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
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin ServeFlags flags;

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
    ServeFlags.Checked checked;
    try {
      options = common.toOptions();
      checked = flags.check();
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
    String empty = common.noManifests(report);
    if (empty != null) {
      parent.err.println("gwc serve: " + empty);
      return ExitCodes.USAGE;
    }
    RoutingTable table = RoutingTable.build(report);
    if (flags.gateway != null
        && table.gateway(before(flags.gateway), after(flags.gateway)) == null) {
      parent.err.println("gwc serve: no Gateway '" + flags.gateway + "' in the routing table");
      return ExitCodes.USAGE;
    }
    List<Proxy.Binding> bindings = Proxy.bindings(table, checked.address(), flags.portOffset);
    if (bindings.isEmpty()) {
      parent.err.println("gwc serve: no Gateway listener in the input to bind a port for");
      return ExitCodes.USAGE;
    }
    PrintWriter err = parent.err;
    Object lock = new Object();
    try (Proxy proxy =
        Proxy.start(
            table,
            flags.seed,
            flags.gateway,
            bindings,
            checked.upstreams(),
            checked.limits(),
            line -> {
              synchronized (lock) {
                err.println(line);
                err.flush();
              }
            })) {
      proxy.banner().forEach(line -> err.println("gwc serve: " + line));
      err.flush();
      CountDownLatch stop = new CountDownLatch(1);
      RUNNING.add(stop);
      try {
        stop.await();
      } finally {
        RUNNING.remove(stop);
      }
    } catch (IOException e) {
      String fix =
          flags.portOffset == null
              ? "choose another with --listen"
              : "choose another --port-offset";
      parent.err.println("gwc serve: " + Proxy.cannotListen(bindings, e) + "; " + fix);
      return ExitCodes.USAGE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ExitCodes.OK;
  }

  private static String before(String nsName) {
    int slash = nsName.indexOf('/');
    return slash < 0 ? "" : nsName.substring(0, slash);
  }

  private static String after(String nsName) {
    return nsName.substring(nsName.indexOf('/') + 1);
  }
}
