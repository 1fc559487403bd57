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
import picocli.CommandLine.ParentCommand;

/** {@code gwc describe}: a readable table per Gateway, its listeners and the routes on them. */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description = {
      "Shows, per Gateway, each listener (name, port, protocol, hostname, attached routes, conditions)"
          + " and under it the routes attached to it with their rules; routes that attach nowhere come"
          + " last with the reason. The view otherwise rebuilt by hand from kubectl get."
    })
final class DescribeCommand implements Callable<Integer> {
  @ParentCommand GwcCommand parent;

  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    try {
      Report report =
          Compiler.create(common.toOptions(), parent.in)
              .compile(Inputs.collect(common.paths), parent.in);
      Findings.print(report, parent.err);
      String empty = common.noManifests(report);
      if (empty != null) {
        parent.err.println("gwc describe: " + empty);
        return ExitCodes.USAGE;
      }
      new DescribeRenderer().render(report, parent.out);
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
