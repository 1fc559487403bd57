package dev.gwc.testing;

import dev.gwc.cli.Main;
import dev.gwc.source.SourceFile;
import dev.gwc.yaml.LoadResult;
import dev.gwc.yaml.Plain;
import dev.gwc.yaml.YamlLoader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs gwc in-process, as a user would from the shell, and reads its JSON output. */
public final class Gwc {
  private Gwc() {}

  /**
   * What one run printed and returned.
   *
   * @param exit the exit code
   * @param out standard output
   * @param err standard error
   */
  public record Run(int exit, String out, String err) {
    /** Standard output parsed as JSON. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> json() {
      LoadResult r = YamlLoader.load(new SourceFile("out.json", out));
      if (!r.diagnostics().isEmpty()) {
        throw new AssertionError("output is not JSON: " + r.diagnostics() + "\n" + out);
      }
      return (Map<String, Object>) Plain.of(r.documents().get(0).root());
    }

    /** The diagnostics of {@code --format json} output. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> diagnostics() {
      return (List<Map<String, Object>>) json().get("diagnostics");
    }
  }

  public static Run run(String... args) {
    return runWithStdin("", args);
  }

  public static Run runWithStdin(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), in);
    return new Run(code, out.toString(), err.toString());
  }

  /** The repository root (surefire sets gwc.root). */
  public static Path root() {
    String r = System.getProperty("gwc.root");
    return r != null ? Path.of(r) : Path.of("..").toAbsolutePath().normalize();
  }

  /** The shared folder beside the repository (surefire sets gwc.shared). */
  public static Path shared() {
    String s = System.getProperty("gwc.shared");
    Path shared = s != null ? Path.of(s) : root().resolve("../shared").normalize();
    if (!java.nio.file.Files.isDirectory(shared)) {
      // A fresh clone has no ../shared: the tests that read it skip, saying why.
      String why = "needs the shared test data at " + shared + " (not beside this checkout)";
      System.out.println("skipped: " + why);
      org.junit.jupiter.api.Assumptions.abort(why);
    }
    return shared;
  }
}
