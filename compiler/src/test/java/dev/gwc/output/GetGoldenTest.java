package dev.gwc.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Approved;
import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tables of {@code gwc get}: for each compile case ({@code
 * testdata/compile/<case>/input.yaml}), every kind as a table and with {@code -o wide}, in {@code
 * get.approved.txt} beside it. The JSON view must have one item per table row, and the same input
 * must give the same bytes.
 */
class GetGoldenTest {
  private static final Path CASES = Gwc.root().resolve("testdata/compile");
  private static final List<String> KINDS = List.of("gateways", "listeners", "routes", "backends");

  @TestFactory
  Stream<DynamicTest> getCases() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(CASES)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        tests.add(DynamicTest.dynamicTest(dir.getFileName().toString(), () -> runCase(dir)));
      }
    }
    return tests.stream();
  }

  private static void runCase(Path dir) {
    String input = dir.resolve("input.yaml").toString();
    StringBuilder all = new StringBuilder();
    for (String kind : KINDS) {
      Gwc.Run table = Gwc.run("get", kind, input);
      Gwc.Run wide = Gwc.run("get", kind, "-o", "wide", input);
      all.append("$ gwc get ").append(kind).append('\n').append(table.out());
      all.append("$ gwc get ").append(kind).append(" -o wide\n").append(wide.out()).append('\n');
      Gwc.Run json = Gwc.run("get", kind, "-o", "json", input);
      long rows = table.out().lines().count();
      int items = ((List<?>) json.json().get("items")).size();
      assertEquals(rows == 0 ? 0 : rows - 1, items, kind + ": one item per row\n" + json.out());
      assertEquals(table.exit(), json.exit());
      assertEquals(json.out(), Gwc.run("get", kind, "-o", "json", input).out(), "same bytes");
    }
    String root = Gwc.root().toAbsolutePath().normalize() + "/";
    Approved.verify(dir.resolve("get.approved.txt"), all.toString().replace(root, ""));
  }

  @Test
  void namespaceOption_listsOnlyThatNamespace() {
    String shop = Gwc.root().resolve("examples/shop").toString();
    Gwc.Run all = Gwc.run("get", "routes", shop);
    Gwc.Run infra = Gwc.run("get", "routes", "--namespace", "infra", shop);
    assertTrue(all.out().contains("storefront"), all.out());
    assertEquals("", infra.out());
    assertTrue(infra.err().contains("no routes in the input in namespace infra"), infra.err());
    Gwc.Run gateways = Gwc.run("get", "gw", "--namespace", "infra", shop);
    assertTrue(gateways.out().contains("edge"), gateways.out());
  }

  @Test
  void badKindOrOutput_isAUsageError() {
    String shop = Gwc.root().resolve("examples/shop").toString();
    Gwc.Run kind = Gwc.run("get", "pods", shop);
    assertEquals(2, kind.exit());
    assertTrue(kind.err().contains("unknown kind 'pods'"), kind.err());
    Gwc.Run output = Gwc.run("get", "routes", "-o", "csv", shop);
    assertEquals(2, output.exit());
    assertTrue(output.err().contains("-o csv: use wide, json or yaml"), output.err());
    assertEquals(2, Gwc.run("get", "routes").exit());
  }

  @Test
  void narrowTerminal_cutsLongCells_neverNames() {
    List<List<String>> rows =
        List.of(
            List.of("NAME", "BACKENDS"),
            List.of("a-rather-long-route-name", "one:80,two:80,three:80,four:80,five:80"));
    List<String> lines = TextTable.lines(rows, "", 50, ListViews.UNCUT);
    assertTrue(lines.stream().allMatch(l -> l.length() <= 50), lines.toString());
    assertTrue(lines.get(1).startsWith("a-rather-long-route-name  "), lines.toString());
    assertTrue(lines.get(1).endsWith("…"), lines.toString());
  }
}
