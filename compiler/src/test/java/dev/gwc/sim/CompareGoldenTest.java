package dev.gwc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Approved;
import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden reports of {@code gwc simulate --compare}: {@code testdata/compare/<case>/input.yaml} (the
 * old set) against {@code new.yaml} when the case has one, else against the conversion of the input
 * ({@code --convert}), next to {@code report.approved.txt}. The JSON report must count the same
 * differences, and the exit code is 1 exactly when there are any.
 */
class CompareGoldenTest {
  private static final Path CASES = Gwc.root().resolve("testdata/compare");

  @TestFactory
  Stream<DynamicTest> compareCases() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(CASES)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        tests.add(DynamicTest.dynamicTest(dir.getFileName().toString(), () -> runCase(dir)));
      }
    }
    assertTrue(tests.size() >= 2, "expected cases under " + CASES);
    return tests.stream();
  }

  private static void runCase(Path dir) throws IOException {
    String input = dir.resolve("input.yaml").toString();
    Path newer = dir.resolve("new.yaml");
    List<String> args = new ArrayList<>(List.of("simulate", "--compare", input));
    if (Files.exists(newer)) {
      args.add(newer.toString());
    } else {
      args.addAll(List.of("--convert", input));
    }
    Gwc.Run text = Gwc.run(args.toArray(String[]::new));
    Approved.verify(
        dir.resolve("report.approved.txt"),
        text.out().replace(dir + "/", "").replace(dir + "\\", ""));
    args.addAll(List.of("--format", "json"));
    Gwc.Run json = Gwc.run(args.toArray(String[]::new));
    @SuppressWarnings("unchecked")
    Map<String, Object> summary = (Map<String, Object>) json.json().get("summary");
    long differences = ((Number) summary.get("differences")).longValue();
    assertEquals(differences == 0 ? 0 : 1, text.exit(), text.err());
    assertEquals(text.exit(), json.exit());
    assertTrue(
        text.out().contains(" request(s) replayed: " + differences + " land differently"),
        text.out());
  }
}
