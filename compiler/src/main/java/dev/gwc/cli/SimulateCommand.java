package dev.gwc.cli;

import dev.gwc.convert.Provider;
import dev.gwc.diag.Severity;
import dev.gwc.output.ResultJson;
import dev.gwc.output.TraceText;
import dev.gwc.pipeline.Options;
import dev.gwc.sim.Result;
import dev.gwc.sim.Router;
import dev.gwc.table.DataPlanes;
import dev.gwc.table.IngressScope;
import dev.gwc.table.Request;
import dev.gwc.traffic.Expectations;
import dev.gwc.traffic.ReplayLoop;
import dev.gwc.traffic.ReplaySummary;
import dev.gwc.traffic.RequestFile;
import dev.gwc.traffic.RequestSource;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code gwc simulate}: sends requests through the routing table of the compiled set. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Builds the routing table of the compiled set (only the routes, listeners and backends that"
          + " the resolution accepts) and sends requests through it, as a conformant Gateway API"
          + " implementation would: listener by port and hostname, route hostnames, match"
          + " precedence, filters (header modifiers, redirects, rewrites, mirrors, CORS) and"
          + " weighted backendRefs. Prints the outcome with a trace of why.",
      "Ingresses in the input are routed as ingress-nginx routes them (one data plane per ingress"
          + " class, next to the Gateways; --gateway IngressClass/NAME picks one), unless --convert"
          + " converts them to Gateway API first."
    },
    footer = {
      "",
      "Examples:",
      "  gwc simulate --request 'GET http://www.shop.example.com/' examples/shop",
      "  gwc simulate --request 'GET https://www.shop.example.com/api' \\",
      "      -H 'x-api-version: 2' --format json examples/shop",
      "  gwc simulate --requests traffic.jsonl deploy/ > results.jsonl",
      "  gwc simulate --requests access.log --log-format combined deploy/",
      "  # exit 1 with a diff per failing line",
      "  gwc simulate --expect checks.jsonl deploy/",
      "  gwc simulate --request 'GET http://shop.example/api' --convert ingresses/",
      "  # the Ingresses as ingress-nginx routes them vs their conversion",
      "  gwc simulate --compare ingresses/ --convert ingresses/",
      "  gwc simulate --compare ingresses/ gateway-api/ \\",
      "      --requests access.log --log-format combined",
      "",
      "Exit codes: 0 success, 1 the input has errors (or an expectation failed, or with --compare"
          + " a request lands differently), 2 usage error."
    })
final class SimulateCommand implements Callable<Integer>, SharedFlagHelp {
  @ParentCommand GwcCommand parent;

  @Mixin CommonOptions common;

  @Mixin SimulateFlags flags;

  @Override
  public java.util.Map<String, String> sharedFlagHelp() {
    return java.util.Map.of(
        "PATH",
        "Manifests whose routing table the requests go through: files or folders"
            + " (folders recursively: *.yaml, *.yml, *.json), or - for standard input.",
        "--complete",
        "The input is the whole set: a backendRef to a Service the input does not hold"
            + " is answered with 500, as a controller answers it, instead of reaching a"
            + " Service assumed to exist.",
        "--allow-empty",
        "Route through an empty table (every request gets 404) when the paths hold no"
            + " manifest at all, instead of exit 2.");
  }

  @Override
  public Integer call() {
    if (!flags.compare.isEmpty()) {
      return new SimulateCompare(this).run();
    }
    try {
      long start = System.nanoTime();
      Options options = common.toOptions();
      List<RequestFile.Entry> entries = flags.entries();
      long read = System.nanoTime();
      CompileStep.Compiled set =
          CompileStep.run(parent, common, options, NAME, flags.converting(), true);
      long compiled = System.nanoTime();
      DataPlanes planes =
          DataPlanes.of(
              set.report(),
              flags.converting() != Provider.INGRESS_NGINX,
              flags.converting() != Provider.ISTIO,
              new IngressScope(flags.ingress.ingressClasses, options.complete()));
      long built = System.nanoTime();
      Router router = Router.named(planes, flags.gateway, common.namespace, flags.seed.seed);
      if (router == null) {
        throw new UsageException(
            "unknown --gateway '" + flags.gateway + "'; " + planes.knownGateways());
      }
      entries = RequestSource.withKnownGateways(entries, planes, common.namespace);
      entries.stream()
          .filter(e -> !e.readable())
          .forEach(
              e ->
                  parent.err.println(
                      NAME + ": " + flags.requestFile() + ":" + e.line() + ": " + e.error()));
      int failed = send(router, entries);
      parent.out.flush();
      if (flags.timings) {
        parent.err.printf(
            Locale.ROOT,
            "timings: requests %.0f ms, files %.0f ms, graph %.0f ms, table %.0f ms, replay %.0f ms%n",
            (read - start) / 1e6,
            set.report().timings().filesNanos() / 1e6,
            set.report().timings().graphNanos() / 1e6,
            (built - compiled) / 1e6,
            (System.nanoTime() - built) / 1e6);
      }
      boolean errors = set.report().diagnostics().anyAtLeast(Severity.ERROR);
      return failed > 0 || errors ? ExitCodes.FINDINGS : ExitCodes.OK;
    } catch (CommandExit e) {
      return e.report(parent.err, NAME);
    }
  }

  private static final String NAME = "gwc simulate";

  /**
   * --request: one result per data plane the request goes to, as a trace or JSON; --expect: a
   * readable diff per failing line; --requests: one JSON result a line and a summary. Returns how
   * many lines failed (or could not be read).
   */
  private int send(Router router, List<RequestFile.Entry> entries) {
    if (flags.request != null) {
      Request req = entries.get(0).request();
      List<Result> results = router.all(req);
      parent.out.print(
          flags.format.equals("json") ? ResultJson.lines(results) : TraceText.of(req, results));
      return 0;
    }
    if (flags.expect != null) {
      Expectations.Outcome outcome = Expectations.check(entries, router::one);
      parent.out.print(outcome.report(flags.expect.toString()));
      return outcome.failures().size();
    }
    ReplaySummary summary = new ReplaySummary();
    ReplayLoop.lines(entries, summary, parent.lines::println, router::one);
    parent.err.print(summary.render());
    return summary.unreadable();
  }
}
