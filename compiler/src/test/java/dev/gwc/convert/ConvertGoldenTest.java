package dev.gwc.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Golden;
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
 * Golden output of {@code gwc convert}: {@code testdata/convert/<case>/input.yaml} next to its
 * {@code converted.approved.yaml} and {@code notifications.approved.txt}. Every case must also
 * convert to the same bytes twice, carry the same notifications in JSON, validate without errors
 * together with the input's Services, and compile with every route Accepted and ResolvedRefs True.
 */
class ConvertGoldenTest {
  private static final Path CASES = Gwc.root().resolve("testdata/convert");

  @TestFactory
  Stream<DynamicTest> convertCases() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(CASES)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        tests.add(DynamicTest.dynamicTest(dir.getFileName().toString(), () -> runCase(dir)));
      }
    }
    assertTrue(tests.size() >= 3, "expected the convert cases under " + CASES);
    return tests.stream();
  }

  private static void runCase(Path dir) throws IOException {
    String input = dir.resolve("input.yaml").toString();
    Gwc.Run run = Gwc.run("convert", input);
    assertEquals(0, run.exit(), run.err());
    Golden.verify(dir.resolve("converted.approved.yaml"), run.out());
    Golden.verify(
        dir.resolve("notifications.approved.txt"),
        run.err().replace(dir + "/", "").replace(dir + "\\", ""));
    assertEquals(run.out(), Gwc.run("convert", input).out(), "same input, same bytes");

    assertEquals(
        run.out(), convertShuffled(Files.readString(dir.resolve("input.yaml"))), "input order");

    Gwc.Run json = Gwc.run("convert", "--format", "json", input);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> notes = (List<Map<String, Object>>) json.json().get("notifications");
    assertEquals(
        run.err()
            .lines()
            .filter(l -> l.matches(".*:[0-9]+:[0-9]+: (error|warning|info): .*"))
            .count(),
        notes.size());

    Path converted = Files.createTempFile("gwc-converted", ".yaml");
    try {
      Files.writeString(converted, run.out());
      Gwc.Run validate = Gwc.run("validate", "--format", "json", converted.toString(), input);
      List<Map<String, Object>> errors =
          validate.diagnostics().stream().filter(d -> "error".equals(d.get("severity"))).toList();
      assertTrue(errors.isEmpty(), errors::toString);
      Gwc.Run compile = Gwc.run("compile", "--format", "json", converted.toString(), input);
      assertEquals(0, compile.exit(), compile.err());
      assertRoutesAcceptedAndResolved(compile.json());
    } finally {
      Files.deleteIfExists(converted);
    }
  }

  /** The documents of the input, one file each, in reverse order: the output must not change. */
  private static String convertShuffled(String input) throws IOException {
    Path dir = Files.createTempDirectory("gwc-shuffled");
    try {
      String[] docs = input.split("(?m)^---\\n");
      for (int i = 0; i < docs.length; i++) {
        Files.writeString(dir.resolve(String.format("%03d.yaml", docs.length - i)), docs[i]);
      }
      return Gwc.run("convert", dir.toString()).out();
    } finally {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(dir);
    }
  }

  @SuppressWarnings("unchecked")
  static void assertRoutesAcceptedAndResolved(Map<String, Object> list) {
    int routes = 0;
    for (Map<String, Object> item : (List<Map<String, Object>>) list.get("items")) {
      if (!List.of("HTTPRoute", "GRPCRoute").contains(item.get("kind"))) {
        continue;
      }
      routes++;
      Object name = ((Map<String, Object>) item.get("metadata")).get("name");
      List<Map<String, Object>> parents =
          (List<Map<String, Object>>) ((Map<String, Object>) item.get("status")).get("parents");
      assertTrue(!parents.isEmpty(), () -> name + " has no parents");
      for (Map<String, Object> p : parents) {
        for (Map<String, Object> c : (List<Map<String, Object>>) p.get("conditions")) {
          if (List.of("Accepted", "ResolvedRefs").contains(c.get("type"))) {
            assertEquals("True", c.get("status"), () -> name + ": " + c);
          }
        }
      }
    }
    assertTrue(routes > 0, "no routes");
  }
}
