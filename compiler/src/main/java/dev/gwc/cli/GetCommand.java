package dev.gwc.cli;

import dev.gwc.diag.Severity;
import dev.gwc.output.ListViews;
import dev.gwc.output.TextTable;
import dev.gwc.output.Values;
import dev.gwc.pipeline.Report;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gwc get}: kubectl-style list views of the compiled set. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    customSynopsis = "gwc get KIND [-o wide|json|yaml] [--namespace NS] [OPTIONS] PATH...",
    description = {
      "Lists the Gateways, listeners, routes or backends of the manifests as kubectl lists objects,"
          + " with the status gwc computes as their controller (what gwc compile writes). KIND:"
          + " gateways (gw), listeners, routes (rt) or backends (svc).",
      "Columns (-o wide adds the second line):",
      "  gateways   NAMESPACE NAME CLASS ADDRESSES LISTENERS ACCEPTED PROGRAMMED",
      "             ROUTES SOURCE",
      "  listeners  GATEWAY NAME PORT PROTOCOL HOSTNAME ROUTES READY",
      "             TLS ALLOWED-ROUTES LISTENERSET",
      "  routes     NAMESPACE NAME KIND HOSTNAMES PARENTS BACKENDS ACCEPTED",
      "             RESOLVED-REFS RULES SOURCE",
      "  backends   SERVICE PORT ROUTES FOUND",
      "             ROUTE-NAMES",
      "PARENTS are gateway/listeners where a route attached, gateway (Reason) where it did not;"
          + " BACKENDS are name:port(weight); FOUND is True, False (Reason) or assumed (not in the"
          + " input; an error with --complete).",
      "Findings (errors and warnings) go to standard error, as gwc validate prints them."
    },
    footer = {
      "",
      "Examples:",
      "  gwc get routes deploy/",
      "  gwc get listeners -o wide deploy/",
      "  # only namespace shop",
      "  gwc get routes --namespace shop deploy/",
      "  gwc get gateways -o json deploy/ | jq '.items[].accepted.status'",
      "",
      "Table width: $COLUMNS when set (long cells are cut with …); -o wide never cuts.",
      "Exit codes: 0 success, 1 the input has errors, 2 usage error."
    })
final class GetCommand implements Callable<Integer>, SharedFlagHelp {
  private static final String NAME = "gwc get";

  @ParentCommand Streams parent;

  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "wide (more columns), json or yaml (every field, typed; stable for scripts).")
  String output;

  @Override
  public java.util.Map<String, String> sharedFlagHelp() {
    return java.util.Map.of(
        "PATH",
        "Manifests to list from: files or folders (folders recursively: *.yaml, *.yml,"
            + " *.json), or - for standard input.");
  }

  @Override
  public Integer call() {
    try {
      // The first positional is the kind (the paths are the shared PATH... parameters).
      if (common.paths.size() < 2) {
        throw new UsageException(
            "usage: gwc get gateways|listeners|routes|backends PATH... (see gwc get --help)");
      }
      ListViews.Kind what = kind(common.paths.remove(0));
      if (output != null && !output.matches("wide|json|yaml")) {
        throw new UsageException("-o " + output + ": use wide, json or yaml");
      }
      Report report =
          CompileStep.run(parent, common, common.toOptions(), NAME, null, false).report();
      // --namespace given: only that namespace (as kubectl -n); otherwise every namespace.
      boolean only = spec.commandLine().getParseResult().hasMatchedOption("--namespace");
      ListViews.View view = ListViews.of(what, report, only ? common.namespace : null);
      if ("json".equals(output) || "yaml".equals(output)) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("kind", what.name().toLowerCase(Locale.ROOT));
        list.put("items", view.items());
        parent.out().print("json".equals(output) ? Values.json(list) : Values.yaml(list));
      } else if (view.rows().isEmpty()) {
        parent
            .err()
            .println(
                NAME
                    + ": no "
                    + what.name().toLowerCase(Locale.ROOT)
                    + " in the input"
                    + (only ? " in namespace " + common.namespace : ""));
      } else {
        boolean wide = "wide".equals(output);
        TextTable.lines(view.table(wide), "", wide ? 0 : columns(), ListViews.UNCUT)
            .forEach(parent.out()::println);
      }
      parent.out().flush();
      return report.diagnostics().anyAtLeast(Severity.ERROR) ? ExitCodes.FINDINGS : ExitCodes.OK;
    } catch (CommandExit e) {
      return e.report(parent.err(), NAME);
    }
  }

  private static ListViews.Kind kind(String written) throws UsageException {
    return switch (written.toLowerCase(Locale.ROOT)) {
      case "gateways", "gateway", "gw", "gtw" -> ListViews.Kind.GATEWAYS;
      case "listeners", "listener" -> ListViews.Kind.LISTENERS;
      case "routes", "route", "rt" -> ListViews.Kind.ROUTES;
      case "backends", "backend", "services", "svc" -> ListViews.Kind.BACKENDS;
      default ->
          throw new UsageException(
              "unknown kind '" + written + "': use gateways, listeners, routes or backends");
    };
  }

  /** The terminal's width from $COLUMNS, or 0 (no limit) when it is not set. */
  private static int columns() {
    String columns = System.getenv("COLUMNS");
    try {
      return columns == null ? 0 : Math.max(0, Integer.parseInt(columns.strip()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
