package dev.gwc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Packages follow the pipeline and depend only on those before them; only {@code cli} imports
 * picocli or writes to standard output.
 */
class LayeringTest {
  /** The pipeline order: a package may import only packages listed before it (and itself). */
  static final List<String> ORDER =
      List.of(
          "concurrent", // how stages spread work over the cores
          "regex",
          "source",
          "diag",
          "yaml",
          "resource",
          "validate.cel",
          "validate.schema",
          "validate",
          "graph",
          "rules",
          "status",
          "convert",
          "pipeline",
          "output",
          "sim",
          "cli");

  private static final Pattern QUALIFIED = Pattern.compile("\\bdev\\.gwc\\.([a-z.]+)\\.[A-Z]");

  @Test
  void packages_importOnlyEarlierStages() throws IOException {
    List<String> violations = new ArrayList<>();
    Path main = Gwc.root().resolve("compiler/src/main/java/dev/gwc");
    try (Stream<Path> files = Files.walk(main)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = main.relativize(f.getParent()).toString().replace('/', '.');
        int own = rank(pkg);
        String text = Files.readString(f, StandardCharsets.UTF_8);
        Matcher m = QUALIFIED.matcher(text);
        while (m.find()) {
          String target = m.group(1);
          if (rank(target) > own) {
            violations.add(main.relativize(f) + " (" + pkg + ") uses " + target);
          }
        }
        if (!pkg.equals("cli")) {
          if (text.contains("import picocli")) {
            violations.add(main.relativize(f) + " imports picocli outside cli");
          }
          if (text.contains("System.out") || text.contains("System.err")) {
            violations.add(main.relativize(f) + " writes to System.out/err outside cli");
          }
        }
      }
    }
    assertTrue(violations.isEmpty(), () -> String.join("\n", violations));
  }

  private static int rank(String pkg) {
    int best = -1;
    for (int i = 0; i < ORDER.size(); i++) {
      String p = ORDER.get(i);
      if ((pkg.equals(p) || pkg.startsWith(p + "."))
          && (best < 0 || p.length() > ORDER.get(best).length())) {
        best = i;
      }
    }
    if (best < 0) {
      throw new AssertionError(
          "package dev.gwc." + pkg + " is not in the pipeline order of LayeringTest");
    }
    return best;
  }
}
