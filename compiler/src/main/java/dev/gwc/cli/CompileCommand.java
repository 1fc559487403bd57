package dev.gwc.cli;

import dev.gwc.convert.Conversion;
import dev.gwc.convert.Notification;
import dev.gwc.diag.Severity;
import dev.gwc.output.BundleDirectory;
import dev.gwc.pipeline.BundleItems;
import dev.gwc.pipeline.Options;
import dev.gwc.pipeline.Report;
import dev.gwc.source.Input;
import dev.gwc.source.Inputs;
import dev.gwc.validate.cel.CelEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code gwc compile}: the resolved set with the status a conformant controller would write. */
@Command(
    name = "compile",
    mixinStandardHelpOptions = true,
    description = {
      "Resolves the manifests as one conformant Gateway API implementation would (gwc acts as the"
          + " controller of every GatewayClass in the input), applies the CRDs' defaults, and prints every"
          + " resource with its computed status: GatewayClass Accepted; Gateway Accepted/Programmed and per"
          + " listener Accepted, Conflicted, ResolvedRefs, Programmed, supportedKinds and attachedRoutes;"
          + " each route parent's Accepted and ResolvedRefs with the specification's reasons.",
      "Findings (errors and warnings) go to standard error, as gwc validate prints them."
    },
    footer = {
      "",
      "Examples:",
      "  gwc compile deploy/ > bundle.yaml",
      "  gwc compile --format json deploy/ | jq '.items[].status'",
      "  gwc compile -o compiled/ deploy/         one file per resource",
      "  gwc compile --check compiled/ deploy/    exit 1 with a diff when compiled/ is stale",
      "",
      "Exit codes: 0 success, 1 the input has errors (or --check found a difference), 2 usage error."
    })
final class CompileCommand implements Callable<Integer> {
  @ParentCommand GwcCommand parent;

  @Mixin CommonOptions common;

  @Mixin BundleOutput output;

  @Option(
      names = "--check",
      paramLabel = "DIR",
      description =
          "Compare with the files in DIR (as -o writes them); exit 1 and print a diff when they differ.")
  Path checkDir;

  @Option(
      names = "--no-convert",
      description =
          "Do not convert the Ingresses in the input (by default they are converted as gwc convert"
              + " does, and the result compiles with the rest, so that a half-migrated repository"
              + " compiles as one set).")
  boolean noConvert;

  @Override
  public Integer call() {
    CelEngine.prepare(); // builds while the arguments and inputs are read
    Options options;
    try {
      options = common.toOptions();
      output.check();
    } catch (UsageException e) {
      parent.err.println("gwc compile: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    try {
      List<Input> inputs = Inputs.collect(common.paths);
      ConvertedInputs.CompiledSet set =
          ConvertedInputs.compile(inputs, parent.in, options, !noConvert, false);
      boolean conversionErrors = set.conversion() != null && printConversion(set.conversion());
      Report report = set.report();
      if (!report.replaced().isEmpty()) {
        parent.err.println(
            "gwc compile: the input already defines "
                + String.join(", ", report.replaced())
                + ", which the conversion of its Ingresses also writes; the input's own version is"
                + " used");
      }
      Findings.print(report, parent.err);
      String empty = common.noManifests(report);
      if (empty != null) {
        parent.err.println("gwc compile: " + empty);
        return ExitCodes.USAGE;
      }
      List<Map<String, Object>> items = BundleItems.items(report);
      int code =
          report.diagnostics().anyAtLeast(Severity.ERROR) || conversionErrors
              ? ExitCodes.FINDINGS
              : ExitCodes.OK;
      if (checkDir != null) {
        return check(files(items)) ? code : ExitCodes.FINDINGS;
      }
      if (output.outDir != null) {
        output.writeFiles(items, "gwc compile", parent.err);
        return code;
      }
      Map<String, Object> list = new LinkedHashMap<>();
      list.put("apiVersion", "v1");
      list.put("kind", "List");
      list.put("items", items);
      parent.out.print(render(list));
      parent.out.flush();
      return code;
    } catch (IOException e) {
      String.valueOf(e.getMessage())
          .lines()
          .forEach(line -> parent.err.println("gwc compile: " + line));
      return ExitCodes.FAILURE;
    }
  }

  /**
   * What the conversion of the input's Ingresses could not carry over, on standard error; whether
   * any of it is an error. Problems of the files themselves are left to the compiler's findings.
   */
  private boolean printConversion(Conversion c) {
    List<Notification> about =
        c.notifications().stream()
            .filter(n -> n.severity() != Severity.INFO)
            .filter(n -> "Ingress".equals(n.resource().kind()) || n.annotation() != null)
            .toList();
    Conversion shown = c.withNotifications(about);
    NotificationText.print(shown, parent.err);
    return about.stream().anyMatch(n -> n.severity() == Severity.ERROR);
  }

  private String render(Object value) {
    return output.render(value);
  }

  /** One file per resource, in a stable order. */
  private Map<String, String> files(List<Map<String, Object>> items) throws IOException {
    return output.files(items);
  }

  private boolean check(Map<String, String> expected) throws IOException {
    List<String> differences = BundleDirectory.check(checkDir, expected, output.format);
    differences.forEach(parent.out::print);
    parent.out.flush();
    return differences.isEmpty();
  }
}
