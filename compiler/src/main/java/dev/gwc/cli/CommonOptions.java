package dev.gwc.cli;

import dev.gwc.pipeline.Options;
import dev.gwc.validate.schema.Bundle;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The inputs and settings every command shares. */
final class CommonOptions {
  @Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description =
          "Files or folders to read (folders recursively: *.yaml, *.yml, *.json; hidden folders"
              + " skipped), or - for standard input.")
  List<String> paths = new ArrayList<>();

  @Option(
      names = "--gateway-api-version",
      paramLabel = "X.Y.Z",
      description =
          "Gateway API release to validate against (bundled: 1.2.1, 1.3.0, 1.4.1, 1.5.1, 1.6.1;"
              + " default: the newest).")
  String release;

  @Option(
      names = "--istio-version",
      paramLabel = "X.Y.Z",
      description =
          "Istio release whose CRDs (networking.istio.io Gateway, VirtualService, DestinationRule,"
              + " ServiceEntry) to validate against (bundled: 1.30.3; default: the newest).")
  String istioRelease;

  @Option(
      names = "--channel",
      paramLabel = "CHANNEL",
      defaultValue = "standard",
      description =
          "Release channel of the CRDs installed in the cluster: standard or experimental"
              + " (default: ${DEFAULT-VALUE}).")
  String channel;

  @Option(
      names = "--crds",
      paramLabel = "PATH",
      description =
          "Extra CustomResourceDefinition files or folders whose schemas and CEL rules are used too"
              + " (repeatable).")
  List<String> crds = new ArrayList<>();

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      defaultValue = "default",
      description = "Namespace of resources that do not name one (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(
      names = "--complete",
      description =
          "The input is the whole set: a reference to an object that is not in it is an error.")
  boolean complete;

  /** Checks the values and builds the pipeline's options; a bad value throws a usage error. */
  @Option(
      names = "--allow-empty",
      description =
          "Succeed when the paths hold no manifest at all (by default that is exit 2: a CI step"
              + " pointed at the wrong folder should not pass).")
  boolean allowEmpty;

  /**
   * The message for input without a single manifest (a folder without YAML, empty standard input, a
   * file of only comments), or null when there is one or {@code --allow-empty} is given.
   */
  String noManifests(dev.gwc.pipeline.Report report) {
    // A file that fails to parse holds no resource, but it is not empty; templates are.
    boolean findings =
        report.diagnostics().all().stream()
            .anyMatch(
                d ->
                    d.severity().atLeast(dev.gwc.diag.Severity.WARNING)
                        && !d.rule().equals(dev.gwc.yaml.YamlRules.TEMPLATE_SOURCE.id()));
    if (allowEmpty || report.resources() > 0 || findings) {
      return null;
    }
    boolean templates =
        report.diagnostics().all().stream()
            .anyMatch(d -> d.rule().equals(dev.gwc.yaml.YamlRules.TEMPLATE_SOURCE.id()));
    List<String> shown = paths.isEmpty() ? List.of("-") : paths;
    return "no manifests found in "
        + String.join(" ", shown)
        + (templates
            ? " (only templates: render them first, as the warnings above say)"
            : " (looked for .yaml, .yml and .json files)")
        + "; --allow-empty accepts that";
  }

  Options toOptions() throws UsageException {
    List<String> releases = Bundle.releases();
    String r =
        release == null
            ? releases.get(releases.size() - 1)
            : release.startsWith("v") ? release.substring(1) : release;
    if (!releases.contains(r)) {
      throw new UsageException(
          "unknown --gateway-api-version '"
              + release
              + "'; bundled: "
              + String.join(", ", releases)
              + " (use --crds to bring the CRDs of another release)");
    }
    if (!channel.equals("standard") && !channel.equals("experimental")) {
      throw new UsageException("unknown --channel '" + channel + "'; use standard or experimental");
    }
    List<String> istio = Bundle.istioReleases();
    String i =
        istioRelease == null
            ? null
            : istioRelease.startsWith("v") ? istioRelease.substring(1) : istioRelease;
    if (i != null && !istio.contains(i)) {
      throw new UsageException(
          "unknown --istio-version '"
              + istioRelease
              + "'; bundled: "
              + String.join(", ", istio)
              + " (use --crds to bring the CRDs of another release)");
    }
    return new Options(r, channel, crds, namespace, complete, i);
  }
}
