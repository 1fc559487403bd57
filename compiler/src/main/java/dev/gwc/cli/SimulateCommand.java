package dev.gwc.cli;

import dev.gwc.convert.Conversion;
import dev.gwc.diag.Severity;
import dev.gwc.output.ResultJson;
import dev.gwc.output.TraceText;
import dev.gwc.pipeline.Options;
import dev.gwc.pipeline.Report;
import dev.gwc.sim.Result;
import dev.gwc.sim.Router;
import dev.gwc.source.Inputs;
import dev.gwc.table.DataPlanes;
import dev.gwc.table.GatewayTable;
import dev.gwc.table.Request;
import dev.gwc.traffic.Expectations;
import dev.gwc.traffic.ReplayLoop;
import dev.gwc.traffic.ReplaySummary;
import dev.gwc.traffic.RequestFile;
import dev.gwc.traffic.RequestSource;
import dev.gwc.validate.cel.CelEngine;
import java.io.IOException;
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
      "  gwc simulate --request 'GET https://www.shop.example.com/api' -H 'x-api-version: 2' \\",
      "      --format json examples/shop",
      "  gwc simulate --requests traffic.jsonl deploy/ > results.jsonl",
      "  gwc simulate --requests access.log --log-format combined deploy/",
      "  gwc simulate --expect checks.jsonl deploy/        exit 1 with a diff per failing line",
      "  gwc simulate --request 'GET http://shop.example/api' --convert ingresses/",
      "  gwc simulate --compare ingresses/ --convert ingresses/   the Ingresses vs their conversion",
      "  gwc simulate --compare ingresses/ gateway-api/ --requests access.log --log-format combined",
      "",
      "Exit codes: 0 success, 1 the input has errors (or an expectation failed, or with --compare a",
      "request lands differently), 2 usage error."
    })
final class SimulateCommand implements Callable<Integer> {
  @ParentCommand GwcCommand parent;

  @Mixin CommonOptions common;

  @Mixin SimulateFlags flags;

  @Override
  public Integer call() {
    CelEngine.prepare(); // builds while the arguments and inputs are read
    long start = System.nanoTime();
    if (!flags.compare.isEmpty()) {
      return new SimulateCompare(this).run();
    }
    Options options;
    List<RequestFile.Entry> entries;
    try {
      options = common.toOptions();
      entries = flags.entries();
    } catch (UsageException | IllegalArgumentException e) {
      return usage(e.getMessage());
    }
    long read = System.nanoTime();
    Report report;
    try {
      ConvertedInputs.CompiledSet set =
          ConvertedInputs.compile(
              Inputs.collect(common.paths), parent.in, options, flags.convert, true);
      Conversion c = set.conversion();
      if (c != null) {
        NotificationText.print(
            c.withNotifications(
                c.notifications().stream().filter(n -> n.severity() != Severity.INFO).toList()),
            parent.err);
      }
      report = set.report();
    } catch (IOException e) {
      parent.err.println("gwc simulate: " + e.getMessage());
      return ExitCodes.FAILURE;
    }
    Findings.print(report, parent.err);
    String empty = common.noManifests(report);
    if (empty != null) {
      return usage(empty);
    }
    int code = report.diagnostics().anyAtLeast(Severity.ERROR) ? ExitCodes.FINDINGS : ExitCodes.OK;
    long compiled = System.nanoTime();
    DataPlanes planes = DataPlanes.of(report, !flags.convert);
    long built = System.nanoTime();
    boolean toClass = planes.isIngressClass(flags.gateway);
    GatewayTable only =
        flags.gateway == null || toClass ? null : planes.gateway(flags.gateway, common.namespace);
    if (flags.gateway != null && !toClass && only == null) {
      return usage("unknown --gateway '" + flags.gateway + "'; " + planes.knownGateways());
    }
    Router router =
        new Router(
            planes,
            only,
            toClass ? flags.gateway.substring(DataPlanes.CLASS_PREFIX.length()) : null,
            flags.seed,
            /* byHost= */ false);
    entries = RequestSource.withKnownGateways(entries, planes, common.namespace);
    for (RequestFile.Entry e : entries) {
      if (!e.readable()) {
        parent.err.println(
            "gwc simulate: " + flags.requestFile() + ":" + e.line() + ": " + e.error());
      }
    }
    int failed;
    if (flags.request != null) {
      failed = single(router, entries.get(0).request());
    } else if (flags.expect != null) {
      failed = check(router, entries);
    } else {
      ReplaySummary summary = new ReplaySummary();
      ReplayLoop.lines(entries, summary, parent.lines::println, router::one);
      parent.err.print(summary.render());
      failed = summary.unreadable();
    }
    parent.out.flush();
    if (flags.timings) {
      parent.err.printf(
          Locale.ROOT,
          "timings: requests %.0f ms, files %.0f ms, graph %.0f ms, table %.0f ms, replay %.0f ms%n",
          (read - start) / 1e6,
          report.timings().filesNanos() / 1e6,
          report.timings().graphNanos() / 1e6,
          (built - compiled) / 1e6,
          (System.nanoTime() - built) / 1e6);
    }
    return failed > 0 ? ExitCodes.FINDINGS : code;
  }

  private int usage(String message) {
    parent.err.println("gwc simulate: " + message);
    return ExitCodes.USAGE;
  }

  /** --request: one result per data plane the request goes to, as a trace or JSON. */
  private int single(Router router, Request req) {
    List<Result> results = router.all(req);
    parent.out.print(
        flags.format.equals("json") ? ResultJson.lines(results) : TraceText.of(req, results));
    return 0;
  }

  /** --expect: a readable diff per failing line; returns how many failed. */
  private int check(Router router, List<RequestFile.Entry> entries) {
    Expectations.Outcome outcome = Expectations.check(entries, router::one);
    parent.out.print(outcome.report(flags.expect.toString()));
    return outcome.failures().size();
  }
}
