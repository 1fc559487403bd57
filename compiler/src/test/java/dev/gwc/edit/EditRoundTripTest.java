package dev.gwc.edit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

  /** One way of writing a Gateway and a route without parents, chosen by the seed. */
  private static String set(long seed) {
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
            "  gatewayClassName: edge",
            "  listeners:"));
    int listeners = 1 + r.nextInt(3);
    for (int i = 0; i < listeners; i++) {
      List<String> keys =
          new ArrayList<>(List.of("name: l" + i, "port: " + (80 + i), "protocol: HTTP"));
      java.util.Collections.shuffle(keys, r);
      lines.add(dash + keys.get(0) + (r.nextInt(3) == 0 ? "   # first key" : ""));
      for (String k : keys.subList(1, keys.size())) {
        lines.add(more + k);
      }
      if (r.nextInt(3) == 0) {
        lines.add(r.nextBoolean() ? "" : "  # between listeners");
      }
    }
    if (r.nextBoolean()) {
      lines.add("  addresses:");
      lines.add(dash + "value: 203.0.113.1");
    }
    lines.add("---");
    lines.addAll(
        List.of(
            "apiVersion: gateway.networking.k8s.io/v1",
            "kind: HTTPRoute",
            "metadata:",
            "  name: sleep",
            "spec:",
            "  hostnames: [\"sleep.example.com\"]",
            "  rules:",
            dash + "backendRefs:",
            more + "- {name: sleep, port: 8001}"));
    if (r.nextBoolean()) {
      lines.add("# trailing comment");
    }
    String text = String.join(nl, lines);
    return r.nextBoolean() ? text + nl : text;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void anEditInsertsLines_andItsInverseRestoresTheBytes(long seed) throws IOException {
    Path dir = tmp.resolve("s" + seed);
    Files.createDirectories(dir);
    Path file = dir.resolve("set.yaml");
    byte[] original = set(seed).getBytes(StandardCharsets.UTF_8);
    Files.write(file, original);
    String[][] pairs = {
      {
        "add listener edge --port 9090 --protocol HTTP --name added",
        "remove listener edge --name added"
      },
      {
        "attach route sleep --gateway edge --port 80", "detach route sleep --gateway edge --port 80"
      },
    };
    for (String[] pair : pairs) {
      run(pair[0], dir);
      byte[] edited = Files.readAllBytes(file);
      assertInsertion(original, edited, new String(original, StandardCharsets.UTF_8));
      Gwc.Run parsed = Gwc.run("validate", "--format", "json", dir.toString());
      assertFalse(parsed.out().contains("yaml-syntax"), parsed.out());
      run(pair[1], dir);
      assertArrayEquals(original, Files.readAllBytes(file), pair[1] + "\n" + set(seed));
    }
  }

  private static void run(String command, Path dir) {
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.add(dir.toString());
    Gwc.Run run = Gwc.run(args.toArray(String[]::new));
    assertEquals(0, run.exit(), command + "\n" + run.out() + run.err());
  }

  /** {@code after} is {@code before} with whole lines inserted at one line boundary. */
  private static void assertInsertion(byte[] before, byte[] after, String shown) {
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
    String inserted = new String(after, at, after.length - before.length, StandardCharsets.UTF_8);
    boolean crlf = new String(before, StandardCharsets.UTF_8).contains("\r\n");
    assertEquals(
        crlf,
        inserted.contains("\r\n"),
        "line endings of the inserted lines differ from the file's:\n" + inserted);
  }
}
