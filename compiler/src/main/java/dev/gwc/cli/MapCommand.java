package dev.gwc.cli;

import dev.gwc.diag.Severity;
import dev.gwc.map.HtmlPage;
import dev.gwc.map.MapBuilder;
import dev.gwc.map.MapGraph;
import dev.gwc.map.MapLayout;
import dev.gwc.map.SvgWriter;
import dev.gwc.map.TextFormats;
import dev.gwc.pipeline.Report;
import dev.gwc.sim.Result;
import dev.gwc.sim.Router;
import dev.gwc.table.DataPlanes;
import dev.gwc.table.Request;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code gwc map}: the compiled set as a picture coloured by status. */
@Command(
    name = "map",
    mixinStandardHelpOptions = true,
    description = {
      "Draws the manifests as gwc resolves them: GatewayClass -> Gateway -> listener -> route ->"
          + " backend, ListenerSets and BackendTLSPolicies, each namespace a box. Green: accepted"
          + " and resolved; amber: a warning; red: not accepted or unresolved; dashed: referenced"
          + " but not in the input (assumed; red with --complete). Every node's tooltip holds its"
          + " conditions and file:line.",
      "The HTML page is one file that works offline: search, zoom and pan (wheel, drag), click a"
          + " node to highlight its path, filter by namespace or Gateway.",
      "Findings (errors and warnings) go to standard error, as gwc validate prints them."
    },
    footer = {
      "",
      "Examples:",
      "  # writes gwc-map.html",
      "  gwc map deploy/",
      "  gwc map --request 'GET https://www.shop.example.com/api' examples/shop",
      "  gwc map --format svg -o map.svg deploy/",
      "  gwc map --format dot -o - deploy/ | dot -Tpng > map.png",
      "  gwc map --format mermaid -o - deploy/ >> README.md",
      "",
      "Exit codes: 0 written, 1 the input has errors (the map is written all the same), 2 usage"
          + " error."
    })
final class MapCommand implements Callable<Integer>, SharedFlagHelp {
  private static final String NAME = "gwc map";

  @ParentCommand Streams parent;

  @Mixin CommonOptions common;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "html",
      description = "html (default), svg, dot (Graphviz) or mermaid.")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Where to write (default gwc-map.html, or gwc-map.svg, .dot, .mmd for the other formats);"
              + " - for standard output.")
  String output;

  @Option(
      names = "--request",
      paramLabel = "'METHOD URL'",
      description = "Simulate this request and draw its way through listener, route and backend.")
  String request;

  @Option(
      names = {"-H", "--header"},
      paramLabel = "'NAME: VALUE'",
      description = "A header of --request (repeatable).")
  List<String> headers = new java.util.ArrayList<>();

  @Override
  public java.util.Map<String, String> sharedFlagHelp() {
    return java.util.Map.of(
        "PATH",
        "Manifests to draw: files or folders (folders recursively: *.yaml, *.yml,"
            + " *.json), or - for standard input.",
        "--complete",
        "The input is the whole set: an object referenced but not in it is drawn red as"
            + " an error, instead of dashed as assumed.");
  }

  @Override
  public Integer call() {
    try {
      if (!format.matches("html|svg|dot|mermaid")) {
        throw new UsageException("--format " + format + ": use html, svg, dot or mermaid");
      }
      Request req = null;
      if (request != null) {
        try {
          req = Request.parse(request, headers);
        } catch (IllegalArgumentException e) {
          throw new UsageException("--request: " + e.getMessage());
        }
      }
      Report report =
          CompileStep.run(parent, common, common.toOptions(), NAME, null, false).report();
      Result result = null;
      if (req != null) {
        DataPlanes planes = DataPlanes.of(report, true, true);
        result = Router.named(planes, null, common.namespace, 0).one(null, req);
      }
      MapGraph graph = MapBuilder.build(report, request, result, common.complete);
      String text =
          switch (format) {
            case "dot" -> TextFormats.dot(graph);
            case "mermaid" -> TextFormats.mermaid(graph);
            case "svg" -> SvgWriter.svg(MapLayout.layout(graph));
            default -> HtmlPage.html(graph);
          };
      write(text);
      return report.diagnostics().anyAtLeast(Severity.ERROR) ? ExitCodes.FINDINGS : ExitCodes.OK;
    } catch (CommandExit e) {
      return e.report(parent.err(), NAME);
    } catch (IOException e) {
      parent.err().println(NAME + ": " + e.getMessage());
      return ExitCodes.FAILURE;
    }
  }

  /** To standard output, or atomically to the file (a temporary file beside it, then a move). */
  private void write(String text) throws IOException {
    String target = output != null ? output : "gwc-map." + extension();
    if (target.equals("-")) {
      parent.out().print(text);
      parent.out().flush();
      return;
    }
    Path file = Path.of(target).toAbsolutePath();
    if (Files.isDirectory(file)) {
      throw new IOException(target + " is a folder; -o takes a file name");
    }
    Path dir = file.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".gwc-map-", ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      // A temporary file is private; the map gets the mode of the file it replaces, or rw-r--r--.
      if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(
            tmp,
            Files.exists(file)
                ? Files.getPosixFilePermissions(file)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    parent.err().println(NAME + ": wrote " + target);
  }

  private String extension() {
    return switch (format) {
      case "mermaid" -> "mmd";
      default -> format;
    };
  }
}
