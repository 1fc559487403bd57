package dev.gwc.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code gwc} command; it only dispatches to subcommands. */
@Command(
    name = "gwc",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Gateway API manifest compiler and validator for GitOps repositories.",
      "Checks Gateway API and Ingress manifests offline: schema and CEL rules of the real CRDs,"
          + " for every bundled Gateway API release and channel."
    },
    footer = {
      "",
      "Exit codes: 0 success, 1 the input has errors, 2 usage error or unreadable input."
    },
    subcommands = {
      ValidateCommand.class,
      CompileCommand.class,
      DescribeCommand.class,
      GetCommand.class,
      MapCommand.class,
      picocli.CommandLine.HelpCommand.class,
      SimulateCommand.class,
      ServeCommand.class,
      ConvertCommand.class
    })
public final class GwcCommand implements Callable<Integer>, Streams {
  final PrintWriter out;
  final LineOutput lines;
  final PrintWriter err;
  final InputStream in;

  @Option(
      names = "--debug",
      description = "Print stack traces of internal failures.",
      scope = picocli.CommandLine.ScopeType.INHERIT)
  boolean debug;

  GwcCommand(PrintWriter out, LineOutput lines, PrintWriter err, InputStream in) {
    this.out = out;
    this.lines = lines;
    this.err = err;
    this.in = in;
  }

  boolean debug() {
    return debug;
  }

  @Override
  public PrintWriter out() {
    return out;
  }

  @Override
  public PrintWriter err() {
    return err;
  }

  @Override
  public InputStream in() {
    return in;
  }

  @Override
  public Integer call() {
    err.println("gwc: missing command; try 'gwc validate PATH...' or 'gwc --help'");
    return ExitCodes.USAGE;
  }
}
