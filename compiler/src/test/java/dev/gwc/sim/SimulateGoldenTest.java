package dev.gwc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Approved;
import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden traces of {@code gwc simulate}: {@code testdata/simulate/<case>/input.yaml} with {@code
 * requests.txt} (one {@code METHOD URL | Header: value | ...} a line; {@code # args: ...} adds
 * flags) next to {@code trace.approved.txt}, the text output of every request in turn. The JSON
 * output of each request must carry the same trace and status.
 */
class SimulateGoldenTest {
  private static final Path CASES = Gwc.root().resolve("testdata/simulate");

  @TestFactory
  Stream<DynamicTest> simulateCases() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(CASES)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        tests.add(DynamicTest.dynamicTest(dir.getFileName().toString(), () -> runCase(dir)));
      }
    }
    assertTrue(!tests.isEmpty(), "no cases under " + CASES);
    return tests.stream();
  }

  private static void runCase(Path dir) throws IOException {
    List<String> flags = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    for (String line : Files.readAllLines(dir.resolve("requests.txt"), StandardCharsets.UTF_8)) {
      if (line.startsWith("# args:")) {
        flags.addAll(Arrays.asList(line.substring("# args:".length()).strip().split(" ")));
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(" \\| ");
      List<String> args = new ArrayList<>(List.of("simulate", "--request", parts[0]));
      for (int i = 1; i < parts.length; i++) {
        args.add("-H");
        args.add(parts[i]);
      }
      args.addAll(flags);
      args.add(dir.resolve("input.yaml").toString());
      Gwc.Run text = Gwc.run(args.toArray(String[]::new));
      assertTrue(text.exit() == 0 || text.exit() == 1, line + ": exit " + text.exit() + text.err());
      out.append("$ ").append(line).append('\n').append(text.out()).append('\n');
      args.add(1, "--format");
      args.add(2, "json");
      Gwc.Run json = Gwc.run(args.toArray(String[]::new));
      assertEquals(text.exit(), json.exit(), line);
      assertTrue(
          text.out().contains("status: " + json.json().get("status") + "\n"),
          line + ": text and JSON disagree on the status");
      for (Object t : (List<?>) json.json().get("trace")) {
        assertTrue(text.out().contains("  " + t + "\n"), line + ": trace line missing: " + t);
      }
    }
    Approved.verify(dir.resolve("trace.approved.txt"), out.toString());
  }
}
