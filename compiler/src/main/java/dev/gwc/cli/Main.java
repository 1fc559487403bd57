package dev.gwc.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point; the only place that calls {@code System.exit}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // One buffered byte stream under the character writer, so that bulk output (replayed JSON
    // lines, already UTF-8) can skip the character encoder.
    OutputStream stdout =
        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), false);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(args, out, stdout, err, System.in);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs gwc in-process, as tests do.
   *
   * @return the exit code: 0 success, 1 the input has errors, 2 usage or internal failure
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in) {
    return run(args, out, null, err, in);
  }

  /**
   * Runs gwc with {@code stdout}, the byte stream under {@code out} (or null), for output that is
   * bytes already.
   */
  static int run(
      String[] args, PrintWriter out, OutputStream stdout, PrintWriter err, InputStream in) {
    GwcCommand root = new GwcCommand(out, new LineOutput(out, stdout), err, in);
    CommandLine cl = new CommandLine(root);
    GwcCommand.subcommandsFor(args).forEach(cl::addSubcommand);
    cl.getSubcommands().values().forEach(SharedFlagHelp::applyAll);
    // -V answers on every command, as --help does.
    cl.getSubcommands()
        .values()
        .forEach(c -> c.getCommandSpec().versionProvider(new VersionProvider()));
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("gwc: " + ex.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
          err.println(
              "Run 'gwc "
                  + (ex.getCommandLine() == cl ? "" : ex.getCommandLine().getCommandName() + " ")
                  + "--help' for usage.");
          return ExitCodes.USAGE;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parsed) -> {
          err.println("gwc: internal error: " + ex);
          if (root.debug()) {
            ex.printStackTrace(err);
          } else {
            err.println("(run with --debug for details)");
          }
          return ExitCodes.FAILURE;
        });
    try {
      int code = cl.execute(args);
      out.flush();
      return code;
    } catch (StackOverflowError | OutOfMemoryError e) {
      err.println("gwc: internal error: " + e);
      return ExitCodes.FAILURE;
    }
  }
}
