package dev.gwc.cli;

import dev.gwc.diag.Severity;
import dev.gwc.output.DescribeRenderer;
import dev.gwc.pipeline.Compiler;
import dev.gwc.pipeline.Report;
import dev.gwc.source.Inputs;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code gwc describe}: a readable table per Gateway, its listeners and the routes on them. */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description = {
      "Shows, per Gateway, each listener (name, port, protocol, hostname, attached routes, conditions)"
          + " and under it the routes attached to it with their rules; routes that attach nowhere come"
          + " last with the reason. The view otherwise rebuilt by hand from kubectl get."
    },
    footer = {
      "",
      "Examples:",
      "  gwc describe examples/shop",
      "  # one Gateway, as JSON",
      "  gwc describe --gateway infra/edge --format json deploy/",
      "",
      "Findings go to standard error, as gwc validate prints them.",
      "Exit codes: 0 success, 1 the input has errors, 2 usage error or unreadable input."
    })
final class DescribeCommand implements Callable<Integer>, SharedFlagHelp {
  @ParentCommand GwcCommand parent;

  @Mixin CommonOptions common;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (default) or json.")
  String format;

  @Option(
      names = "--gateway",
      paramLabel = "NS/NAME",
      description = "Only this Gateway (a bare name is in --namespace).")
  String gateway;

  @Override
  public java.util.Map<String, String> sharedFlagHelp() {
    return java.util.Map.of(
        "PATH",
        "Manifests whose Gateways, listeners and routes to describe: files or folders"
            + " (folders recursively: *.yaml, *.yml, *.json), or - for standard input.",
        "--complete",
        "The input is the whole set: a Service or Secret that the input does not hold"
            + " is an error, and the conditions shown say so (ResolvedRefs=False) instead of"
            + " assuming it exists.");
  }

  @Override
  public Integer call() {
    try {
      if (!format.equals("text") && !format.equals("json")) {
        throw new UsageException("--format " + format + ": use text or json");
      }
      Report report =
          Compiler.create(common.toOptions(), parent.in)
              .compile(Inputs.collect(common.paths), parent.in);
      Findings.print(report, parent.err);
      String empty = common.noManifests(report);
      if (empty != null) {
        parent.err.println("gwc describe: " + empty);
        return ExitCodes.USAGE;
      }
      String only =
          gateway == null
              ? null
              : gateway.contains("/") ? gateway : common.namespace + "/" + gateway;
      if (only != null
          && report.resolution().gateways().stream()
              .noneMatch(g -> only.equals(g.node().namespace() + "/" + g.node().name()))) {
        throw new UsageException("--gateway " + gateway + ": no Gateway " + only + " in the input");
      }
      DescribeRenderer describe = new DescribeRenderer(only);
      if (format.equals("json")) {
        parent.out.print(dev.gwc.output.Values.json(describe.json(report)));
      } else {
        describe.render(report, parent.out);
      }
      parent.out.flush();
      return report.diagnostics().anyAtLeast(Severity.ERROR) ? ExitCodes.FINDINGS : ExitCodes.OK;
    } catch (UsageException e) {
      parent.err.println("gwc describe: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (IOException e) {
      parent.err.println("gwc describe: " + e.getMessage());
      return ExitCodes.FAILURE;
    }
  }
}
