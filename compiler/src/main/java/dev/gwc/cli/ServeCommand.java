package dev.gwc.cli;

import dev.gwc.pipeline.Options;
import dev.gwc.serve.Proxy;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
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
      "  # listeners on 80 and 443 served on 10080 and 10443",
      "  gwc serve --port-offset 10000 examples/shop",
      "  gwc serve --backend shop/api=http://127.0.0.1:9000 examples/shop",
      "",
      "Exit codes: 2 usage error or a port that cannot be bound; otherwise it runs until stopped."
    })
final class ServeCommand implements Callable<Integer>, SharedFlagHelp {
  @ParentCommand GwcCommand parent;

  @Mixin CommonOptions common;

  @Mixin ServeFlags flags;

  /** The stop signals of the proxies running in this JVM, for {@link #stopAll} (tests). */
  private static final Set<CountDownLatch> RUNNING = ConcurrentHashMap.newKeySet();

  /** Stops every proxy this JVM runs; the commands return 0. */
  static void stopAll() {
    RUNNING.forEach(CountDownLatch::countDown);
  }

  @Override
  public java.util.Map<String, String> sharedFlagHelp() {
    return java.util.Map.of(
        "PATH",
        "Manifests whose routing table to serve: files or folders (folders recursively:"
            + " *.yaml, *.yml, *.json), or - for standard input.",
        "--complete",
        "The input is the whole set: a backendRef to a Service the input does not hold"
            + " is answered with 500 instead of reaching a Service assumed to exist.");
  }

  @Override
  public Integer call() {
    try {
      Options options = common.toOptions();
      ServeFlags.Checked checked = flags.check();
      CompileStep.Compiled set =
          CompileStep.run(parent, common, options, NAME, /* convert= */ null, !flags.tls);
      Proxy.Config config =
          new ServeSetup(common, flags, checked).config(set.report(), parent.err, NAME);
      CountDownLatch stop = new CountDownLatch(1);
      RUNNING.add(stop);
      try (Proxy proxy = Proxy.start(config, parent.err::println, parent.err::flush)) {
        proxy.banner().forEach(line -> parent.err.println(NAME + ": " + line));
        if (config.tls() != null) {
          config.tls().notes().forEach(line -> parent.err.println(NAME + ": TLS " + line));
          if (config.tls().caFile() != null) {
            parent.err.println(
                NAME + ": trust the local CA for these: curl --cacert " + config.tls().caFile());
          }
        }
        parent.err.flush();
        awaitStop(stop);
      } catch (IOException e) {
        RUNNING.remove(stop);
        String fix = flags.portOffset == null ? "another with --listen" : "another --port-offset";
        throw new UsageException(Proxy.cannotListen(config.bindings(), e) + "; choose " + fix);
      }
      return ExitCodes.OK;
    } catch (CommandExit e) {
      return e.report(parent.err, NAME);
    }
  }

  private static final String NAME = "gwc serve";

  /** Blocks until {@link #stopAll} (registered before the proxy listens) or an interrupt. */
  private static void awaitStop(CountDownLatch stop) {
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      RUNNING.remove(stop);
    }
  }
}
