package dev.gwc.cli;

import dev.gwc.concurrent.Parallel;
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
import dev.gwc.table.GatewayTable;
import dev.gwc.table.IngressTable;
import dev.gwc.table.Request;
import dev.gwc.table.RoutingTable;
import dev.gwc.traffic.AccessLog;
import dev.gwc.traffic.Expectations;
import dev.gwc.traffic.ReplayLoop;
import dev.gwc.traffic.ReplaySummary;
import dev.gwc.traffic.RequestFile;
import dev.gwc.validate.cel.CelEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
      if (!format.equals("text") && !format.equals("json")) {
        throw new UsageException("unknown --format '" + format + "'; use text or json");
      }
      entries = entries();
    } catch (UsageException e) {
      parent.err.println("gwc simulate: " + e.getMessage());
      return ExitCodes.USAGE;
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
    RoutingTable table = planes.gateways();
    IngressTable ingresses = planes.ingresses();
    long built = System.nanoTime();
    GatewayTable only;
    try {
      only = gateway == null || isClass(ingresses, gateway) ? null : find(table, gateway);
      // A line naming a Gateway the input does not have is answered like an unreadable line.
      List<RequestFile.Entry> checked = new ArrayList<>(entries.size());
      for (RequestFile.Entry e : entries) {
        if (e.readable() && e.gateway() != null && !isClass(ingresses, e.gateway())) {
          try {
            find(table, e.gateway());
          } catch (UsageException unknown) {
            e =
                RequestFile.Entry.unreadable(
                    e.line(), unknown.getMessage().replace("--gateway", "gateway"));
          }
        }
        checked.add(e);
      }
      entries = checked;
      for (RequestFile.Entry e : entries) {
        if (!e.readable()) {
          parent.err.println(
              "gwc simulate: "
                  + (requests != null ? requests : expect)
                  + ":"
                  + e.line()
                  + ": "
                  + e.error());
        }
      }
    } catch (UsageException e) {
      parent.err.println("gwc simulate: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    Router replay =
        new Router(
            planes,
            only,
            isClass(ingresses, gateway) ? gateway.substring(Router.CLASS_PREFIX.length()) : null,
            seed,
            /* byHost= */ false);
    if (request != null) {
      Request req = entries.get(0).request();
      List<Result> results = replay.all(req);
      for (int i = 0; i < results.size(); i++) {
        if (format.equals("json")) {
          parent.out.println(Values.compactJson(ResultJson.of(results.get(i))));
        } else {
          parent.out.print((i > 0 ? "\n" : "") + TraceText.of(req, results.get(i)));
        }
      }
    } else {
      int failed = expect != null ? check(replay, entries) : replay(replay, entries);
      if (failed > 0) {
        code = ExitCodes.FINDINGS;
      }
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
    return code;
  }

  /** The requests to send: the one of --request, or the lines of --requests / --expect. */
  private List<RequestFile.Entry> entries() throws UsageException {
    int given = (request != null ? 1 : 0) + (requests != null ? 1 : 0) + (expect != null ? 1 : 0);
    if (given != 1) {
      throw new UsageException("give exactly one of --request, --requests FILE or --expect FILE");
    }
    if (request != null) {
      try {
        return List.of(new RequestFile.Entry(0, null, Request.parse(request, headers), null, null));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
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
    Path file = requests != null ? requests : expect;
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return logFormat.equals("combined") ? AccessLog.read(text) : RequestFile.read(text);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new UsageException(
          file + " is not UTF-8 text; request files are JSON Lines or access logs");
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UsageException("cannot read " + file + ": no such file");
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Whether a --gateway value names an ingress class of the input. */
  private static boolean isClass(IngressTable ingresses, String ref) {
    return ref != null
        && ref.startsWith(Router.CLASS_PREFIX)
        && ingresses.classes().stream()
            .anyMatch(c -> c.name().equals(ref.substring(Router.CLASS_PREFIX.length())));
  }

  private GatewayTable find(RoutingTable table, String ref) throws UsageException {
    int slash = ref.indexOf('/');
    String ns = slash < 0 ? common.namespace : ref.substring(0, slash);
    String name = ref.substring(slash + 1);
    GatewayTable g = table.gateway(ns, name);
    if (g == null) {
      List<String> known = table.gateways().stream().map(GatewayTable::display).toList();
      throw new UsageException(
          "unknown --gateway '"
              + ref
              + "'; Gateways in the input: "
              + (known.isEmpty() ? "none" : String.join(", ", known)));
    }
    return g;
  }

  /**
   * --requests: one JSON result a line on stdout, a summary on stderr; returns how many lines could
   * not be read.
   */
  private int replay(Router replay, List<RequestFile.Entry> entries) {
    ReplaySummary summary = new ReplaySummary();
    ReplayLoop.lines(entries, summary, parent.lines::println, replay::one);
    parent.err.print(summary.render());
    return summary.unreadable();
  }

  /** --expect: a readable diff per failing line; returns how many failed. */
  private int check(Router replay, List<RequestFile.Entry> entries) {
    // Routed and compared on every core; reported in file order.
    List<?>[] diffs = new List<?>[entries.size()];
    Parallel.forEach(
        diffs.length,
        i -> {
          RequestFile.Entry e = entries.get(i);
          if (e.readable() && e.expect() != null) {
            Result r = replay.one(e.gateway(), e.request());
            diffs[i] = Expectations.diff(e.expect(), ResultJson.of(r));
          }
        });
    int failed = 0;
    int checked = 0;
    for (int i = 0; i < diffs.length; i++) {
      RequestFile.Entry e = entries.get(i);
      if (!e.readable()) {
        checked++;
        failed++;
        parent.out.println(expect + ":" + e.line() + ": cannot read the line: " + e.error());
        continue;
      }
      if (diffs[i] == null) {
        continue;
      }
      checked++;
      List<?> diff = diffs[i];
      if (!diff.isEmpty()) {
        failed++;
        Request q = e.request();
        parent.out.println(
            expect
                + ":"
                + e.line()
                + ": "
                + q.method()
                + " "
                + q.scheme()
                + "://"
                + q.host()
                + ":"
                + q.port()
                + q.pathAndQuery());
        diff.forEach(d -> parent.out.println("  " + d));
      }
    }
    parent.out.println((checked - failed) + " of " + checked + " expectations met");
    return failed;
  }
}
