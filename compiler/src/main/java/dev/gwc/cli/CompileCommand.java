package dev.gwc.cli;

import dev.gwc.convert.Provider;
import dev.gwc.output.BundleDirectory;
import dev.gwc.pipeline.BundleItems;
import dev.gwc.pipeline.Options;
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
      "  # one file per resource",
      "  gwc compile -o compiled/ deploy/",
      "  # exit 1 with a diff when compiled/ is stale",
      "  gwc compile --check compiled/ deploy/",
      "",
      "Exit codes: 0 success, 1 the input has errors (or --check found a difference), 2 usage"
          + " error."
    })
final class CompileCommand implements Callable<Integer>, SharedFlagHelp {
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
  public java.util.Map<String, String> sharedFlagHelp() {
    return java.util.Map.of(
        "PATH",
        "Manifests to compile: files or folders (folders recursively: *.yaml, *.yml,"
            + " *.json; hidden folders skipped), or - for standard input.",
        "--complete",
        "The input is the whole set: a Service or Secret that the input does not hold"
            + " is an error, and the status written says so (ResolvedRefs=False) instead of"
            + " assuming it exists.",
        "--allow-empty",
        "Write an empty bundle and exit 0 when the paths hold no manifest at all (by"
            + " default that is exit 2: a CI step pointed at the wrong folder should not"
            + " pass).");
  }

  @Override
  public Integer call() {
    try {
      Options options = common.toOptions();
      output.check();
      CompileStep.Compiled set =
          CompileStep.run(
              parent,
              common,
              options,
              NAME,
              noConvert ? null : Provider.INGRESS_NGINX,
              /* routesOnly= */ false);
      List<Map<String, Object>> items = BundleItems.items(set.report());
      int code = set.hasErrors() ? ExitCodes.FINDINGS : ExitCodes.OK;
      if (checkDir != null) {
        List<String> differences =
            BundleDirectory.check(checkDir, output.files(items), output.format);
        differences.forEach(parent.out::print);
        parent.out.flush();
        return differences.isEmpty() ? code : ExitCodes.FINDINGS;
      }
      if (output.outDir != null) {
        output.writeFiles(items, NAME, parent.err);
        return code;
      }
      Map<String, Object> list = new LinkedHashMap<>();
      list.put("apiVersion", "v1");
      list.put("kind", "List");
      list.put("items", items);
      parent.out.print(output.render(list));
      parent.out.flush();
      return code;
    } catch (IOException e) {
      return CommandExit.failure(e).report(parent.err, NAME);
    } catch (CommandExit e) {
      return e.report(parent.err, NAME);
    }
  }

  private static final String NAME = "gwc compile";
}
