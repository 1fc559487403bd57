package dev.gwc.validate;

import dev.gwc.testing.Approved;
import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden text output of {@code gwc validate}: our cases in {@code testdata/validate/<case>/} (an
 * {@code input.yaml}, optional {@code args.txt} with extra flags, and {@code
 * diagnostics.approved.txt}), and the seed mistakes in {@code ../shared/examples/mistakes/} with
 * their approved output in {@code testdata/validate/mistakes/}.
 */
class ValidateGoldenTest {
  private static final Path CASES = Gwc.root().resolve("testdata/validate");

  @TestFactory
  Stream<DynamicTest> ownCases() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(CASES)) {
      for (Path dir : dirs.sorted().toList()) {
        if (!Files.isDirectory(dir) || dir.getFileName().toString().equals("mistakes")) {
          continue;
        }
        tests.add(DynamicTest.dynamicTest(dir.getFileName().toString(), () -> runCase(dir)));
      }
    }
    return tests.stream();
  }

  private static void runCase(Path dir) throws IOException {
    Path input = dir.resolve("input.yaml");
    if (!Files.exists(input)) {
      throw new AssertionError(dir + " has no input.yaml");
    }
    List<String> args = new ArrayList<>(List.of("validate", "--verbose"));
    Path argsFile = dir.resolve("args.txt");
    if (Files.exists(argsFile)) {
      for (String a : Files.readString(argsFile, StandardCharsets.UTF_8).trim().split("\\s+")) {
        if (!a.isEmpty()) {
          args.add(a);
        }
      }
    }
    args.add(relative(input));
    Gwc.Run run = Gwc.run(args.toArray(String[]::new));
    String root = Gwc.root().toAbsolutePath().normalize() + "/";
    Approved.verify(
        dir.resolve("diagnostics.approved.txt"),
        run.out().replace(root, "") + run.err().replace(root, "") + "exit " + run.exit() + "\n");
  }

  @TestFactory
  Stream<DynamicTest> seedMistakes() throws IOException {
    Path mistakes = Gwc.shared().resolve("examples/mistakes");
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(mistakes)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        String name = f.getFileName().toString().replace(".yaml", "");
        tests.add(
            DynamicTest.dynamicTest(
                name,
                () -> {
                  Gwc.Run run = Gwc.run("validate", "--verbose", f.toString());
                  String out = run.out().replace(f.toString(), "mistakes/" + f.getFileName());
                  Approved.verify(
                      CASES.resolve("mistakes/" + name + ".approved.txt"),
                      out + "exit " + run.exit() + "\n");
                }));
      }
    }
    return tests.stream();
  }

  /** Paths in goldens are relative to the repository root, whatever the working directory. */
  private static String relative(Path p) {
    return p.toAbsolutePath().normalize().toString();
  }
}
