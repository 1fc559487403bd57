package dev.gwc.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The migration check on every conversion case: the Ingresses (routed as ingress-nginx routes them)
 * and their conversion (routed as Gateway API) answer every generated probe alike, except where a
 * conversion notification announces the difference.
 */
class ConversionCompareTest {
  private static final Path CASES = Gwc.root().resolve("testdata/convert");

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> goldenCases_comparedWithTheirConversion_differOnlyWhereAnnounced()
      throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(CASES)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        tests.add(
            DynamicTest.dynamicTest(
                dir.getFileName().toString(),
                () -> assertOnlyAnnounced(dir.resolve("input.yaml"), releaseFlags(dir))));
      }
    }
    assertTrue(tests.size() >= 3);
    return tests.stream();
  }

  static Stream<ConvertFeaturesTest.Row> rows() {
    // --provider common ignores the annotations ingress-nginx routes by; the check compares with
    // ingress-nginx.
    return ConvertFeaturesTest.rows().filter(r -> !r.flags().contains("--provider"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void featureRow_comparedWithItsConversion_differsOnlyWhereAnnounced(ConvertFeaturesTest.Row row)
      throws IOException {
    Path in = tmp.resolve(row.name() + ".yaml");
    Files.writeString(in, row.input().yaml());
    List<String> flags = new ArrayList<>();
    for (int i = 0; i + 1 < row.flags().size(); i += 2) {
      if (List.of("--gateway-api-version", "--channel").contains(row.flags().get(i))) {
        flags.addAll(row.flags().subList(i, i + 2));
      }
    }
    assertOnlyAnnounced(in, flags);
  }

  static void assertOnlyAnnounced(Path input, List<String> flags) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "simulate",
                "--compare",
                input.toString(),
                "--convert",
                "--format",
                "json",
                input.toString()));
    args.addAll(flags);
    Gwc.Run run = Gwc.run(args.toArray(String[]::new));
    Map<String, Object> json = run.json();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> diffs = (List<Map<String, Object>>) json.get("differences");
    List<Map<String, Object>> unannounced =
        diffs.stream().filter(d -> ((List<?>) d.get("known")).isEmpty()).toList();
    assertTrue(
        unannounced.isEmpty(),
        () -> {
          List<String> text = new ArrayList<>(args);
          text.removeAll(List.of("--format", "json"));
          return input
              + ": unannounced differences:\n"
              + Gwc.run(text.toArray(String[]::new)).out();
        });
    assertEquals(diffs.isEmpty() ? 0 : 1, run.exit(), run.err());
  }

  private static List<String> releaseFlags(Path dir) throws IOException {
    Path args = dir.resolve("args.txt");
    if (!Files.exists(args)) {
      return List.of();
    }
    List<String> all = List.of(Files.readString(args).trim().split("\\s+"));
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 1 < all.size(); i++) {
      if (List.of("--gateway-api-version", "--channel").contains(all.get(i))) {
        out.addAll(all.subList(i, i + 2));
      }
    }
    return out;
  }
}
