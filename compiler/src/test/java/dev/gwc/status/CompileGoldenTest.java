package dev.gwc.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gwc.testing.Approved;
import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden output of {@code gwc compile}: {@code testdata/compile/<case>/input.yaml} next to its
 * {@code compiled.approved.yaml} and {@code describe.approved.txt}; the YAML and JSON renderings
 * must describe the same bundle, and the compiled bundle must itself validate without new errors.
 */
class CompileGoldenTest {
  private static final Path CASES = Gwc.root().resolve("testdata/compile");

  @TestFactory
  Stream<DynamicTest> compileCases() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(CASES)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        tests.add(DynamicTest.dynamicTest(dir.getFileName().toString(), () -> runCase(dir)));
      }
    }
    return tests.stream();
  }

  private static void runCase(Path dir) throws IOException {
    String input = dir.resolve("input.yaml").toString();
    Gwc.Run yaml = Gwc.run("compile", input);
    Approved.verify(dir.resolve("compiled.approved.yaml"), yaml.out());
    // The same resolution as a table.
    Approved.verify(dir.resolve("describe.approved.txt"), Gwc.run("describe", input).out());
    // Same input, same bytes.
    assertEquals(yaml.out(), Gwc.run("compile", input).out());
    // The JSON rendering carries the same items.
    Gwc.Run json = Gwc.run("compile", "--format", "json", input);
    assertEquals(((List<?>) json.json().get("items")).size(), countItems(yaml.out()));
    // The bundle is valid input again: no errors beyond those of the input.
    Path bundle = Files.createTempFile("gwc-bundle", ".yaml");
    Files.writeString(bundle, yaml.out());
    Gwc.Run again = Gwc.runWithStdin(yaml.out(), "validate", "--format", "json", "-");
    long errorsBefore =
        Gwc.run("validate", "--format", "json", input).diagnostics().stream()
            .filter(d -> "error".equals(d.get("severity")))
            .count();
    long errorsAfter =
        again.diagnostics().stream().filter(d -> "error".equals(d.get("severity"))).count();
    assertEquals(errorsBefore, errorsAfter, again.out());
    Files.deleteIfExists(bundle);
  }

  private static int countItems(String yaml) {
    int n = 0;
    for (String line : yaml.split("\n")) {
      if (line.startsWith("- apiVersion:")) {
        n++;
      }
    }
    return n;
  }
}
