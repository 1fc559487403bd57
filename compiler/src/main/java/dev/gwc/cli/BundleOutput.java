package dev.gwc.cli;

import dev.gwc.output.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/**
 * {@code --format yaml|json} and {@code -o DIR} of the commands that write resources: one document
 * on standard output, or one file per resource named {@code kind-namespace-name.FORMAT}.
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
      description = "Write one file per resource into DIR instead of standard output.")
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

  /** File name to content, in a stable order. */
  Map<String, String> files(List<Map<String, Object>> items) {
    Map<String, String> out = new TreeMap<>();
    for (Map<String, Object> item : items) {
      @SuppressWarnings("unchecked")
      Map<String, Object> meta = (Map<String, Object>) item.getOrDefault("metadata", Map.of());
      String ns = meta.get("namespace") == null ? "" : meta.get("namespace") + "-";
      String name =
          String.valueOf(item.get("kind")).toLowerCase(Locale.ROOT) + "-" + ns + meta.get("name");
      out.put(name.replaceAll("[^A-Za-z0-9._-]", "_") + "." + format, render(item));
    }
    return out;
  }

  /** Writes one file per resource into {@code -o DIR}. */
  void writeFiles(List<Map<String, Object>> items) throws IOException {
    Files.createDirectories(outDir);
    for (Map.Entry<String, String> f : files(items).entrySet()) {
      Files.writeString(outDir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
    }
  }
}
