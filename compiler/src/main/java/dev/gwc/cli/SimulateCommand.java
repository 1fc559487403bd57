package dev.gwc.cli;

import dev.gwc.convert.Conversion;
import dev.gwc.diag.Severity;
import dev.gwc.output.ResultJson;
import dev.gwc.output.TraceText;
import dev.gwc.output.Values;
import dev.gwc.pipeline.Compiler;
import dev.gwc.pipeline.Options;
import dev.gwc.pipeline.Report;
import dev.gwc.sim.Result;
import dev.gwc.sim.Router;
import dev.gwc.source.Inputs;
import dev.gwc.table.DataPlanes;
import dev.gwc.table.Request;
import dev.gwc.traffic.Expectations;
import dev.gwc.traffic.ReplayLoop;
import dev.gwc.traffic.ReplaySummary;
import dev.gwc.traffic.RequestFile;
import dev.gwc.traffic.RequestSource;
import dev.gwc.validate.cel.CelEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

  @Option(
      names = "--request",
      paramLabel = "'METHOD URL'",
      description = "The request, e.g. 'GET http://a.example/path?x=1'.")
  String request;

  @Option(
      names = "-H",
      paramLabel = "'NAME: VALUE'",
      description = "A request header (repeatable).")
  List<String> headers = new ArrayList<>();

  @Option(
      names = "--gateway",
      paramLabel = "NS/NAME",
      description = "The Gateway to send to (default: every Gateway with a listener on the port).")
  String gateway;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output for --request: text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "0",
      description = "Seed of the weighted backend choice (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--requests",
      paramLabel = "FILE",
      description = "Replay a JSON Lines file of requests; prints one JSON result a line.")
  Path requests;

  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      defaultValue = "jsonl",
      description =
          "Format of the --requests file: jsonl, or combined (an nginx/Apache access log; the host"
              + " comes from absolute URLs or a leading host:port field as in vhost_combined).")
  String logFormat;

  @Option(
      names = "--expect",
      paramLabel = "FILE",
      description =
          "Replay a JSON Lines file whose lines carry an \"expect\" object; exit 1 with a diff per"
              + " line whose result differs.")
  Path expect;

  @Option(
      names = "--convert",
      description =
          "Convert the input's Ingresses to Gateway API first (as gwc convert does) and route the"
              + " conversion; without it, Ingresses are routed as ingress-nginx routes them.")
  boolean convert;

  @Option(
      names = "--compare",
      paramLabel = "OLD",
      description =
          "Migration check: route the same requests through OLD (as it is: Ingresses as"
              + " ingress-nginx) and through PATH... (with --convert, its Ingresses converted), and"
              + " report every request that lands differently (status, backend, redirect, upstream"
              + " path or host). Requests: probes generated from the rules of both, plus --requests"
              + " FILE. Exit 1 when any differs. Repeatable.")
  List<String> compare = new ArrayList<>();

  @Option(
      names = "--timings",
      hidden = true,
      description = "Print the wall time of the parts of the run on stderr.")
  boolean timings;

  @Override
  public Integer call() {
    CelEngine.prepare(); // builds while the arguments and inputs are read
    long start = System.nanoTime();
    if (!compare.isEmpty()) {
      return new SimulateCompare(this).run();
    }
    Options options;
    List<RequestFile.Entry> entries;
    try {
      options = common.toOptions();
      entries = entries();
    } catch (UsageException | IllegalArgumentException e) {
      return usage(e.getMessage());
    }
    long read = System.nanoTime();
    Report report;
    try {
      ConvertedInputs set =
          convert
              ? ConvertedInputs.prepare(Inputs.collect(common.paths), parent.in, options)
              : ConvertedInputs.unconverted(Inputs.collect(common.paths), parent.in);
      if (set.conversion() != null) {
        Conversion c = set.conversion();
        NotificationText.print(
            c.withNotifications(
                c.notifications().stream().filter(n -> n.severity() != Severity.INFO).toList()),
            parent.err);
      }
      report =
          Compiler.create(options, set.stdin())
              .withDerived(set.derived())
              .compileRoutes(set.inputs(), set.stdin());
    } catch (IOException e) {
      parent.err.println("gwc simulate: " + e.getMessage());
      return ExitCodes.FAILURE;
    }
    Findings.print(report, parent.err);
    int code = report.diagnostics().anyAtLeast(Severity.ERROR) ? ExitCodes.FINDINGS : ExitCodes.OK;
    long compiled = System.nanoTime();
    DataPlanes planes = DataPlanes.of(report, !convert);
    long built = System.nanoTime();
    Router router;
    try {
      boolean toClass = planes.isIngressClass(gateway);
      router =
          new Router(
              planes,
              gateway == null || toClass ? null : planes.gateway(gateway, common.namespace),
              toClass ? gateway.substring(DataPlanes.CLASS_PREFIX.length()) : null,
              seed,
              /* byHost= */ false);
    } catch (IllegalArgumentException e) {
      return usage(e.getMessage().replace("unknown gateway", "unknown --gateway"));
    }
    entries = RequestSource.withKnownGateways(entries, planes, common.namespace);
    for (RequestFile.Entry e : entries) {
      if (!e.readable()) {
        parent.err.println("gwc simulate: " + requestFile() + ":" + e.line() + ": " + e.error());
      }
    }
    int failed;
    if (request != null) {
      failed = single(router, entries.get(0).request());
    } else if (expect != null) {
      failed = check(router, entries);
    } else {
      ReplaySummary summary = new ReplaySummary();
      ReplayLoop.lines(entries, summary, parent.lines::println, router::one);
      parent.err.print(summary.render());
      failed = summary.unreadable();
    }
    parent.out.flush();
    if (timings) {
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

  /** The requests to send: the one of --request, or the lines of --requests / --expect. */
  private List<RequestFile.Entry> entries() throws UsageException {
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageException("unknown --format '" + format + "'; use text or json");
    }
    int given = (request != null ? 1 : 0) + (requests != null ? 1 : 0) + (expect != null ? 1 : 0);
    if (given != 1) {
      throw new UsageException("give exactly one of --request, --requests FILE or --expect FILE");
    }
    if (request != null) {
      return List.of(RequestSource.single(request, headers));
    }
    if (!headers.isEmpty()) {
      throw new UsageException("-H goes with --request; in a requests file, use \"headers\"");
    }
    if (!logFormat.equals("jsonl") && !logFormat.equals("combined")) {
      throw new UsageException("unknown --log-format '" + logFormat + "'; use jsonl or combined");
    }
    if (logFormat.equals("combined") && requests == null) {
      throw new UsageException("--log-format combined goes with --requests");
    }
    return RequestSource.file(requestFile(), logFormat.equals("combined"));
  }

  private Path requestFile() {
    return requests != null ? requests : expect;
  }

  /** --request: one result per data plane the request goes to, as a trace or JSON. */
  private int single(Router router, Request req) {
    List<Result> results = router.all(req);
    for (int i = 0; i < results.size(); i++) {
      if (format.equals("json")) {
        parent.out.println(Values.compactJson(ResultJson.of(results.get(i))));
      } else {
        parent.out.print((i > 0 ? "\n" : "") + TraceText.of(req, results.get(i)));
      }
    }
    return 0;
  }

  /** --expect: a readable diff per failing line; returns how many failed. */
  private int check(Router router, List<RequestFile.Entry> entries) {
    Expectations.Outcome outcome = Expectations.check(entries, router::one);
    for (Expectations.Failure f : outcome.failures()) {
      if (f.request() == null) {
        parent.out.println(expect + ":" + f.line() + ": " + f.problems().get(0));
      } else {
        parent.out.println(expect + ":" + f.line() + ": " + f.request());
        f.problems().forEach(d -> parent.out.println("  " + d));
      }
    }
    int failed = outcome.failures().size();
    parent.out.println(
        (outcome.checked() - failed) + " of " + outcome.checked() + " expectations met");
    return failed;
  }
}
