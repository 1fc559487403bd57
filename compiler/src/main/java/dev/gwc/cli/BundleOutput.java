package dev.gwc.cli;

import dev.gwc.output.BundleDirectory;
import dev.gwc.output.BundleFiles;
import dev.gwc.output.Values;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --format yaml|json} and {@code -o DIR} of the commands that write resources: one document
 * on standard output, or one file per resource named {@code kind_namespace_name.FORMAT}.
 */
final class BundleOutput {
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "yaml",
      description = "Output format: yaml or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "-o",
      paramLabel = "DIR",
      description =
          "Write one file per resource into DIR instead of standard output, named"
              + " kind_namespace_name.FORMAT; files gwc wrote there before and no longer produces"
              + " are removed (DIR/.gwc-bundle lists them), other files are left alone.")
  Path outDir;

  /** A usage error for a format other than yaml or json. */
  void check() throws UsageException {
    if (!format.equals("yaml") && !format.equals("json")) {
      throw new UsageException("unknown --format '" + format + "'; use yaml or json");
    }
  }

  /** A value rendered in the format. */
  String render(Object value) {
    return format.equals("json") ? Values.json(value) + "\n" : Values.yaml(value);
  }

  @Option(
      names = "--force",
      description =
          "With -o: overwrite files in DIR that gwc did not write (by default such a file stops the"
              + " command before anything is written).")
  boolean force;

  /** File name to content, in a stable order ({@link BundleFiles} says how files are named). */
  Map<String, String> files(List<Map<String, Object>> items) throws IOException {
    try {
      return BundleFiles.of(items, format, this::render);
    } catch (BundleFiles.CollisionException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /**
   * Writes one file per resource into {@code -o DIR}, and says on {@code err} which files it
   * removed (gwc's own, no longer produced): a file never disappears without a word.
   */
  void writeFiles(List<Map<String, Object>> items, String command, java.io.PrintWriter err)
      throws IOException {
    for (Path removed : BundleDirectory.write(outDir, files(items), force)) {
      err.println(command + ": removed " + removed + " (no longer produced)");
    }
  }
}
