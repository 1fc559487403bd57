package dev.gwc.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
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
      "Examples:",
      "  gwc validate deploy/",
      "  gwc help simulate",
      "",
      "'gwc help COMMAND' or 'gwc COMMAND --help' shows a command's flags and examples.",
      "Exit codes: 0 success, 1 the input has errors, 2 usage error or unreadable input."
    })
public final class GwcCommand implements Callable<Integer>, Streams {
  /** The subcommands, in the order help lists them. */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          ValidateCommand.class,
          CompileCommand.class,
          DescribeCommand.class,
          GetCommand.class,
          MapCommand.class,
          picocli.CommandLine.HelpCommand.class,
          SimulateCommand.class,
          ServeCommand.class,
          ConvertCommand.class,
          EditCommands.Create.class,
          EditCommands.SetGroup.class,
          EditCommands.Add.class,
          EditCommands.Remove.class,
          EditCommands.Attach.class,
          EditCommands.Detach.class);

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

  /**
   * The subcommands a command line needs: the one it names, when its first word that is not an
   * option names one, else all of them (help, suggestions for a misspelt name). Picocli reads every
   * registered command's options when the command line is built: one command instead of nine is
   * most of what gwc adds to the JVM's start-up on a small file.
   */
  static List<Class<?>> subcommandsFor(String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        for (Class<?> c : SUBCOMMANDS) {
          if (c != picocli.CommandLine.HelpCommand.class
              && c.getAnnotation(Command.class).name().equals(arg)) {
            return List.of(c);
          }
        }
        return SUBCOMMANDS;
      }
    }
    return SUBCOMMANDS;
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
