package dev.gwc.edit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.gwc.testing.Approved;
import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edit commands' golden cases ({@code testdata/edit/cases.txt}): each runs with --dry-run on a
 * copy of its input folder; the approved file holds the diff, the messages and the exit code. A dry
 * run never writes: the copy's bytes are checked after it.
 */
class EditGoldenTest {
  private static final Path DIR = Gwc.root().resolve("testdata/edit");

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> cases() throws IOException {
    List<DynamicTest> out = new ArrayList<>();
    for (String line : Files.readAllLines(DIR.resolve("cases.txt"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\|");
      String name = parts[0].strip();
      String input = parts[1].strip();
      List<String> args = new ArrayList<>(List.of(parts[2].strip().split(" ")));
      out.add(DynamicTest.dynamicTest(name, () -> run(name, input, args)));
    }
    return out.stream();
  }

  private void run(String name, String input, List<String> args) throws IOException {
    Path copy = tmp.resolve(name);
    Map<Path, byte[]> before = copyTree(DIR.resolve(input).resolve("input"), copy);
    args.add("--dry-run");
    args.add(copy.toString());
    Gwc.Run run = Gwc.run(args.toArray(String[]::new));
    String shown =
        ("$ gwc " + String.join(" ", args.subList(0, args.size() - 1)) + " input/\n")
            + run.out()
            + (run.err().isEmpty() ? "" : "--- stderr\n" + run.err())
            + "exit "
            + run.exit()
            + "\n";
    Approved.verify(
        DIR.resolve(name + ".approved.txt"),
        shown.replace(copy.toString() + "/", "input/").replace(copy.toString(), "input"));
    for (Map.Entry<Path, byte[]> e : before.entrySet()) {
      assertArrayEquals(e.getValue(), Files.readAllBytes(e.getKey()), e.getKey() + " changed");
    }
  }

  static Map<Path, byte[]> copyTree(Path from, Path to) throws IOException {
    Map<Path, byte[]> out = new LinkedHashMap<>();
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.sorted().toList()) {
        Path target = to.resolve(f.getFileName().toString());
        Files.copy(f, target);
        out.put(target, Files.readAllBytes(target));
      }
    }
    return out;
  }
}
