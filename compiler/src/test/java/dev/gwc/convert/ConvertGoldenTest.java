package dev.gwc.convert;

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
    List<String> flags = flags(dir);
    Gwc.Run run = convert(flags, input);
    assertEquals(0, run.exit(), run.err());
    Approved.verify(dir.resolve("converted.approved.yaml"), run.out());
    Approved.verify(
        dir.resolve("notifications.approved.txt"),
        run.err().replace(dir + "/", "").replace(dir + "\\", ""));
    assertEquals(run.out(), convert(flags, input).out(), "same input, same bytes");

    assertEquals(
        run.out(),
        convertShuffled(flags, Files.readString(dir.resolve("input.yaml"))),
        "input order");

    List<String> jsonFlags = new ArrayList<>(flags);
    jsonFlags.addAll(List.of("--format", "json"));
    Gwc.Run json = convert(jsonFlags, input);
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
      Gwc.Run validate = run("validate", releaseFlags(flags), converted.toString(), input);
      List<Map<String, Object>> errors =
          validate.diagnostics().stream().filter(d -> "error".equals(d.get("severity"))).toList();
      assertTrue(errors.isEmpty(), errors::toString);
      Gwc.Run compile = run("compile", releaseFlags(flags), converted.toString(), input);
      assertEquals(0, compile.exit(), compile.err());
      assertRoutesAcceptedAndResolved(compile.json());
    } finally {
      Files.deleteIfExists(converted);
    }
  }

  /** The case's extra flags: {@code args.txt} beside the input, when there is one. */
  private static List<String> flags(Path dir) throws IOException {
    Path args = dir.resolve("args.txt");
    return Files.exists(args) ? List.of(Files.readString(args).trim().split("\\s+")) : List.of();
  }

  /** The release and channel flags among a case's flags, which validate and compile take too. */
  private static List<String> releaseFlags(List<String> flags) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 1 < flags.size(); i++) {
      if (List.of("--gateway-api-version", "--channel").contains(flags.get(i))) {
        out.addAll(flags.subList(i, i + 2));
      }
    }
    return out;
  }

  private static Gwc.Run run(String command, List<String> flags, String... paths) {
    List<String> args = new ArrayList<>(List.of(command, "--format", "json"));
    args.addAll(flags);
    args.addAll(List.of(paths));
    return Gwc.run(args.toArray(String[]::new));
  }

  private static Gwc.Run convert(List<String> flags, String path) {
    List<String> args = new ArrayList<>(List.of("convert"));
    args.addAll(flags);
    args.add(path);
    return Gwc.run(args.toArray(String[]::new));
  }

  /** The documents of the input, one file each, in reverse order: the output must not change. */
  private static String convertShuffled(List<String> flags, String input) throws IOException {
    Path dir = Files.createTempDirectory("gwc-shuffled");
    try {
      String[] docs = input.split("(?m)^---\\n");
      for (int i = 0; i < docs.length; i++) {
        Files.writeString(dir.resolve(String.format("%03d.yaml", docs.length - i)), docs[i]);
      }
      return convert(flags, dir.toString()).out();
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
      if (!List.of("HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute").contains(item.get("kind"))) {
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
