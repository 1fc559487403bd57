package dev.gwc.edit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import dev.gwc.yaml.LoadResult;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YamlDocument;
import dev.gwc.yaml.YamlLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The edits' properties on many ways of writing the same set (line endings, a final newline or
 * none, comments, indented or compact lists, key order, other documents around): an edit only
 * inserts whole lines at one place, the result parses, and its inverse gives back the original
 * bytes.
 */
class EditRoundTripTest {
  @TempDir Path tmp;

  /** A way of writing the set, and whether its listeners and parentRefs are in flow style. */
  private record Sample(String text, boolean flowListeners, boolean flowParents) {}

  /** One way of writing a Gateway and a route, chosen by the seed. */
  private static Sample set(long seed) {
    Random r = new Random(seed);
    String nl = r.nextBoolean() ? "\n" : "\r\n";
    String dash = r.nextBoolean() ? "  - " : "    - ";
    String more = dash.replace('-', ' ');
    List<String> lines = new ArrayList<>();
    if (r.nextBoolean()) {
      lines.add("# leading comment");
    }
    if (r.nextBoolean()) {
      lines.addAll(
          List.of(
              "apiVersion: v1",
              "kind: Service",
              "metadata:",
              "  name: sleep",
              "spec:",
              "  ports:"));
      lines.add(dash + "port: 8001");
      lines.add("---");
    }
    lines.addAll(
        List.of(
            "apiVersion: gateway.networking.k8s.io/v1",
            "kind: Gateway",
            "metadata:",
            "  name: edge",
            "spec:",
            "  gatewayClassName: edge"));
    int listeners = 1 + r.nextInt(3);
    List<String> flowItems = new ArrayList<>();
    int style = r.nextInt(4); // block, flow on one line, flow a line each, the same with commas
    List<String> block = new ArrayList<>(List.of("  listeners:"));
    for (int i = 0; i < listeners; i++) {
      List<String> keys =
          new ArrayList<>(List.of("name: l" + i, "port: " + (80 + i), "protocol: HTTP"));
      java.util.Collections.shuffle(keys, r);
      flowItems.add("{" + String.join(", ", keys) + "}");
      block.add(dash + keys.get(0) + (r.nextInt(3) == 0 ? "   # first key" : ""));
      for (String k : keys.subList(1, keys.size())) {
        block.add(more + k);
      }
      if (r.nextInt(3) == 0) {
        block.add(r.nextBoolean() ? "" : "  # between listeners");
      }
    }
    lines.addAll(style == 0 ? block : flowList("listeners", flowItems, style));
    if (r.nextBoolean()) {
      lines.add("  addresses:");
      lines.add(dash + "value: 203.0.113.1");
    }
    lines.add("---");
    lines.addAll(
        List.of(
            "apiVersion: gateway.networking.k8s.io/v1",
            "kind: Gateway",
            "metadata: {name: other}",
            "spec:",
            "  gatewayClassName: edge",
            "  listeners: [{name: http, port: 80, protocol: HTTP}]",
            "---",
            "apiVersion: gateway.networking.k8s.io/v1",
            "kind: HTTPRoute",
            "metadata:",
            "  name: sleep",
            "spec:"));
    int parents = r.nextInt(4); // none, or a list of one parent in the styles above
    if (parents > 0) {
      lines.addAll(flowList("parentRefs", List.of("{name: other}"), parents));
    }
    lines.addAll(
        List.of(
            "  hostnames: [\"sleep.example.com\"]",
            "  rules:",
            dash + "backendRefs:",
            more + "- {name: sleep, port: 8001}"));
    if (r.nextBoolean()) {
      lines.add("# trailing comment");
    }
    String text = String.join(nl, lines);
    return new Sample(r.nextBoolean() ? text + nl : text, style > 0, parents > 0);
  }

  /** A flow-style list under {@code key}: on one line, or an item a line (with commas after). */
  private static List<String> flowList(String key, List<String> items, int style) {
    return switch (style) {
      case 1 -> List.of("  " + key + ": [" + String.join(", ", items) + "]");
      case 2 -> {
        List<String> out = new ArrayList<>(List.of("  " + key + ": ["));
        for (int i = 0; i < items.size(); i++) {
          out.add("    " + items.get(i) + (i < items.size() - 1 ? "," : ""));
        }
        out.add("  ]");
        yield out;
      }
      case 3 -> {
        List<String> out = new ArrayList<>(List.of("  " + key + ": [  # one a line"));
        items.forEach(item -> out.add("    " + item + ","));
        out.add("  ]");
        yield out;
      }
      default -> throw new IllegalArgumentException("style " + style);
    };
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void anEditInsertsLines_andItsInverseRestoresTheBytes(long seed) throws IOException {
    Path dir = tmp.resolve("s" + seed);
    Files.createDirectories(dir);
    Path file = dir.resolve("set.yaml");
    Sample sample = set(seed);
    byte[] original = sample.text().getBytes(StandardCharsets.UTF_8);
    Files.write(file, original);
    boolean[] wholeLines = {!sample.flowListeners(), !sample.flowParents()};
    String[][] pairs = {
      {
        "add listener edge --port 9090 --protocol HTTP --name added",
        "remove listener edge --name added"
      },
      {
        "attach route sleep --gateway edge --port 80", "detach route sleep --gateway edge --port 80"
      },
    };
    for (int i = 0; i < pairs.length; i++) {
      String[] pair = pairs[i];
      run(pair[0], dir);
      byte[] edited = Files.readAllBytes(file);
      assertInsertion(original, edited, wholeLines[i], sample.text());
      Gwc.Run parsed = Gwc.run("validate", "--format", "json", dir.toString());
      assertFalse(parsed.out().contains("yaml-syntax"), parsed.out());
      run(pair[1], dir);
      assertArrayEquals(original, Files.readAllBytes(file), pair[1] + "\n" + sample.text());
    }
  }

  /**
   * The same properties on every golden input: each Gateway gets a listener and loses it again,
   * each route a parentRef (with --force: the property is about bytes, not validity).
   */
  @TestFactory
  Stream<DynamicTest> everyGoldenInputRoundTrips() throws IOException {
    Path golden = Gwc.root().resolve("testdata/edit");
    List<DynamicTest> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(golden)) {
      for (Path input :
          dirs.map(d -> d.resolve("input")).filter(Files::isDirectory).sorted().toList()) {
        String name = input.getParent().getFileName().toString();
        out.add(
            DynamicTest.dynamicTest(name, () -> roundTrips(input, tmp.resolve("golden-" + name))));
      }
    }
    return out.stream();
  }

  private static void roundTrips(Path input, Path dir) throws IOException {
    Map<Path, byte[]> files = EditGoldenTest.copyTree(input, dir);
    int edits = 0;
    int refused = 0;
    for (Map.Entry<Path, byte[]> file : files.entrySet()) {
      LoadResult loaded = YamlLoader.load(file.getKey().toString(), file.getValue());
      for (YamlDocument doc : loaded.documents()) {
        if (!(doc.root() instanceof YMap root) || !(root.get("metadata") instanceof YMap meta)) {
          continue;
        }
        String ref =
            (meta.string("namespace") != null ? meta.string("namespace") : "default")
                + "/"
                + meta.string("name");
        String kind = root.string("kind");
        String[] pair =
            "Gateway".equals(kind)
                ? new String[] {
                  "add listener " + ref + " --port 9999 --protocol HTTP --name undo",
                  "remove listener " + ref + " --name undo"
                }
                : List.of("HTTPRoute", "GRPCRoute").contains(kind)
                    ? new String[] {
                      "attach route " + ref + " --gateway infra/undo --section-name s",
                      "detach route " + ref + " --gateway infra/undo --section-name s"
                    }
                    : null;
        if (pair == null) {
          continue;
        }
        Gwc.Run done = Gwc.run(args(pair[0] + " --force", dir));
        if (done.exit() == 2) {
          // Refused as it should be (generated file, a flow-style map without the key): unchanged.
          assertArrayEquals(file.getValue(), Files.readAllBytes(file.getKey()), done.err());
          refused++;
          continue;
        }
        assertEquals(0, done.exit(), pair[0] + "\n" + done.err());
        byte[] edited = Files.readAllBytes(file.getKey());
        String before = new String(file.getValue(), StandardCharsets.UTF_8);
        assertInsertion(file.getValue(), edited, false, before);
        assertEquals(
            List.of(),
            YamlLoader.load("edited", edited).diagnostics(),
            pair[0] + " gave a file that does not parse");
        Gwc.Run undone = Gwc.run(args(pair[1] + " --force", dir));
        assertEquals(0, undone.exit(), pair[1] + "\n" + undone.err());
        assertArrayEquals(
            file.getValue(), Files.readAllBytes(file.getKey()), pair[1] + "\n" + before);
        edits++;
      }
    }
    // Every input has objects to edit (the generated folder's are all refused, by design).
    assertTrue(edits + refused > 0, "nothing to edit in " + input);
  }

  private static String[] args(String command, Path dir) {
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.add(dir.toString());
    return args.toArray(String[]::new);
  }

  private static void run(String command, Path dir) {
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.add(dir.toString());
    Gwc.Run run = Gwc.run(args.toArray(String[]::new));
    assertEquals(0, run.exit(), command + "\n" + run.out() + run.err());
  }

  /**
   * {@code after} is {@code before} with text inserted at one place, in the file's line endings;
   * with {@code wholeLines} (a block-style list), whole lines at a line boundary.
   */
  private static void assertInsertion(
      byte[] before, byte[] after, boolean wholeLines, String shown) {
    int prefix = 0;
    while (prefix < before.length && before[prefix] == after[prefix]) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < before.length
        && before[before.length - 1 - suffix] == after[after.length - 1 - suffix]) {
      suffix++;
    }
    assertTrue(prefix + suffix >= before.length, "more than an insertion:\n" + shown);
    boolean crlf = new String(before, StandardCharsets.UTF_8).contains("\r\n");
    String inserted =
        new String(after, prefix, after.length - before.length, StandardCharsets.UTF_8);
    assertEquals(
        crlf ? inserted.split("\n", -1).length : 0,
        crlf ? inserted.split("\r\n", -1).length : inserted.split("\r", -1).length - 1,
        "line endings of the inserted text differ from the file's:\n" + inserted);
    if (!wholeLines) {
      return;
    }
    // Some place the inserted bytes can be said to go is a line boundary (or the end).
    int at = -1;
    for (int k = before.length - suffix; k <= prefix && k <= before.length; k++) {
      if (k == 0 || k == before.length || before[k - 1] == '\n') {
        at = k;
        break;
      }
    }
    assertTrue(
        at >= 0,
        "inserted inside a line (prefix "
            + prefix
            + ", suffix "
            + suffix
            + "):\n"
            + new String(after, StandardCharsets.UTF_8).replace("\r", "<CR>"));
  }
}
