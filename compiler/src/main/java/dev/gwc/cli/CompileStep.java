package dev.gwc.cli;

import dev.gwc.convert.Conversion;
import dev.gwc.convert.Notification;
import dev.gwc.convert.Provider;
import dev.gwc.diag.Severity;
import dev.gwc.pipeline.Options;
import dev.gwc.pipeline.Report;
import dev.gwc.source.Inputs;
import java.io.IOException;
import java.util.List;

/**
 * The step that {@code compile}, {@code simulate}, {@code serve}, {@code get} and {@code map} start
 * with: the inputs compiled as one set (their Ingresses converted first when asked), and on
 * standard error what the user must know before the command's own output: what the conversion could
 * not carry over, the objects the input defines that the conversion also writes, and the findings.
 */
final class CompileStep {
  private CompileStep() {}

  /**
   * The compiled set.
   *
   * @param report the compiled set
   * @param conversion the conversion of its Ingresses, or null
   * @param conversionErrors whether the conversion reported an error
   */
  record Compiled(Report report, Conversion conversion, boolean conversionErrors) {
    /** Whether the set or its conversion has an error (the exit code's finding). */
    boolean hasErrors() {
      return conversionErrors || report.diagnostics().anyAtLeast(Severity.ERROR);
    }
  }

  /**
   * Compiles the paths of {@code common}.
   *
   * @param command the name messages start with, e.g. {@code gwc compile}
   * @param convert what to convert first (its provider), or null
   * @param routesOnly keep only what routing reads ({@code Compiler.compileRoutes})
   * @throws CommandExit when an input cannot be read, or the paths hold no manifest
   */
  static Compiled run(
      Streams parent,
      CommonOptions common,
      Options options,
      String command,
      Provider convert,
      boolean routesOnly)
      throws CommandExit {
    ConvertedInputs.CompiledSet set;
    try {
      set =
          ConvertedInputs.compile(
              Inputs.collect(common.paths), parent.in(), options, convert, routesOnly);
    } catch (IOException e) {
      throw CommandExit.failure(e);
    }
    boolean conversionErrors =
        set.conversion() != null && printConversion(set.conversion(), parent);
    Report report = set.report();
    if (!report.replaced().isEmpty()) {
      parent
          .err()
          .println(
              command
                  + ": the input already defines "
                  + String.join(", ", report.replaced())
                  + ", which the conversion of its Ingresses also writes; the input's own version is"
                  + " used");
    }
    Findings.print(report, parent.err());
    String empty = common.noManifests(report);
    if (empty != null) {
      throw new UsageException(empty);
    }
    return new Compiled(report, set.conversion(), conversionErrors);
  }

  /**
   * What the conversion of the input's Ingresses could not carry over; whether any of it is an
   * error. Problems of the files themselves are left to the compiler's findings.
   */
  private static boolean printConversion(Conversion c, Streams parent) {
    List<Notification> about =
        c.notifications().stream()
            .filter(n -> n.severity() != Severity.INFO)
            .filter(n -> "Ingress".equals(n.resource().kind()) || n.annotation() != null)
            .toList();
    NotificationText.print(c.withNotifications(about), parent.err());
    return about.stream().anyMatch(n -> n.severity() == Severity.ERROR);
  }
}
