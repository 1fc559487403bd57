package dev.gwc.yaml;

import static dev.gwc.yaml.YamlTesting.at;
import static dev.gwc.yaml.YamlTesting.load;
import static dev.gwc.yaml.YamlTesting.pos;
import static dev.gwc.yaml.YamlTesting.root;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.diag.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lines and columns of keys and values: 1-based, in code points, in every document of a file. */
class YamlPositionsTest {
  /** Twelve lines, block and flow style, plain, quoted and block scalars. */
  private static final String SAMPLE =
      String.join(
          "\n",
          "apiVersion: v1",
          "kind: Service",
          "metadata:",
          "  name: web",
          "  labels: {app: web, tier: \"front\"}",
          "spec:",
          "  ports:",
          "  - port: 80",
          "    targetPort: [8080, 8443]",
          "  selector:",
          "    'app': |",
          "      web",
          "");

  private static final int SAMPLE_LINES = 12;

  /** A two-line first document, then SAMPLE twice; the second and third documents. */
  private static final String STREAM =
      "kind: First\nmetadata: {name: a}\n---\n" + SAMPLE + "--- # third\n" + SAMPLE;

  private static final int SECOND_OFFSET = 3;
  private static final int THIRD_OFFSET = SECOND_OFFSET + SAMPLE_LINES + 1;

  @ParameterizedTest(name = "{0} at {1}")
  @CsvSource({
    "apiVersion#key,                  1:1",
    "apiVersion,                      1:13",
    "kind,                            2:7",
    "metadata#key,                    3:1",
    "metadata,                        4:3",
    "metadata.name#key,               4:3",
    "metadata.name,                   4:9",
    "metadata.labels#key,             5:3",
    "metadata.labels,                 5:11",
    "metadata.labels.app#key,         5:12",
    "metadata.labels.app,             5:17",
    "metadata.labels.tier#key,        5:22",
    "metadata.labels.tier,            5:28",
    "spec.ports,                      8:3",
    "spec.ports[0],                   8:5",
    "spec.ports[0].port#key,          8:5",
    "spec.ports[0].port,              8:11",
    "spec.ports[0].targetPort#key,    9:5",
    "spec.ports[0].targetPort,        9:17",
    "spec.ports[0].targetPort[0],     9:18",
    "spec.ports[0].targetPort[1],     9:24",
    "spec.selector.app#key,           11:5",
    "spec.selector.app,               11:12",
  })
  void position_blockAndFlowStyle_isOneBasedLineAndColumn(String path, String expected) {
    LoadResult r = load(SAMPLE);
    assertEquals(List.of(), r.diagnostics());
    YNode node = at(root(r, 0), path);
    assertEquals(expected, pos(node));
    assertEquals(0, node.span().document());
    assertEquals(YamlTesting.FILE, node.span().file());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "apiVersion#key",
    "metadata.labels.tier",
    "spec.ports[0].targetPort[1]",
    "spec.selector.app",
  })
  void position_secondAndThirdDocument_shiftedByTheLinesBefore(String path) {
    String alone = pos(at(root(load(SAMPLE), 0), path));
    int line = Integer.parseInt(alone.substring(0, alone.indexOf(':')));
    String column = alone.substring(alone.indexOf(':'));
    LoadResult r = load(STREAM);
    assertEquals(3, r.documents().size());

    YNode second = at(root(r, 1), path);
    assertEquals((line + SECOND_OFFSET) + column, pos(second));
    assertEquals(1, second.span().document());

    YNode third = at(root(r, 2), path);
    assertEquals((line + THIRD_OFFSET) + column, pos(third));
    assertEquals(2, third.span().document());
  }

  @Test
  void position_crlfLineEndings_sameAsLf() {
    String lf = STREAM + "---\nkind: Dup\nkind: Again\n---\nbroken: [1\nnext: 2\n";
    LoadResult fromLf = load(lf);
    LoadResult fromCrlf = load(lf.replace("\n", "\r\n"));

    assertEquals(allPositions(fromLf), allPositions(fromCrlf));
    assertEquals(diagnosticPositions(fromLf), diagnosticPositions(fromCrlf));
    assertEquals(
        List.of("3:31:1 duplicate-key", "4:34:5 yaml-syntax"), diagnosticPositions(fromLf));
  }

  @Test
  void position_utf8ByteOrderMark_sameAsWithout() {
    byte[] text = STREAM.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);

    LoadResult plain = YamlLoader.load(YamlTesting.FILE, text);
    LoadResult bom = YamlLoader.load(YamlTesting.FILE, withBom);

    assertEquals(List.of(), bom.diagnostics());
    assertEquals(allPositions(plain), allPositions(bom));
    assertEquals("1:1", pos(at(root(bom, 0), "kind#key")));
    assertEquals("kind", ((YMap) root(bom, 0)).entries().get(0).name());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "name: \"\u00e9t\u00e9\"|name|1:7",
        "\u00e9t\u00e9: x|\u00e9t\u00e9|1:6",
        "\uD83D\uDE00: x|\uD83D\uDE00|1:4",
        "a: [\uD83D\uDE00\uD83D\uDE00, b]|a[1]|1:9",
        "a: {\u540d\u524d: \u5024, k: v}|a.k|1:15",
      })
  void column_nonAsciiText_countsCodePoints(String yaml, String path, String expected) {
    assertEquals(expected, pos(at(root(load(yaml + "\n"), 0), path)));
  }

  @Test
  void position_keyOfMergedEntry_pointsAtTheAnchoredMapping() {
    LoadResult r = load("base: &b\n  x: 1\nuse:\n  <<: *b\n  y: 2\n");
    assertEquals("2:3", pos(at(root(r, 0), "use.x#key")));
    assertEquals("5:3", pos(at(root(r, 0), "use.y#key")));
  }

  /** Every node of every document as "document path line:column". */
  private static List<String> allPositions(LoadResult r) {
    List<String> out = new ArrayList<>();
    for (YamlDocument d : r.documents()) {
      walk(d.index() + " ", d.root(), out);
    }
    assertTrue(out.size() > 10, () -> "too few nodes: " + out);
    return out;
  }

  private static void walk(String path, YNode node, List<String> out) {
    if (node == null) {
      return;
    }
    out.add(path + " " + pos(node));
    if (node instanceof YMap m) {
      for (YEntry e : m.entries()) {
        out.add(path + "." + e.name() + "#key " + pos(e.key()));
        walk(path + "." + e.name(), e.value(), out);
      }
    } else if (node instanceof YSeq s) {
      for (int i = 0; i < s.items().size(); i++) {
        walk(path + "[" + i + "]", s.items().get(i), out);
      }
    }
  }

  private static List<String> diagnosticPositions(LoadResult r) {
    List<String> out = new ArrayList<>();
    for (Diagnostic d : r.diagnostics()) {
      out.add(d.span().document() + ":" + pos(d) + " " + d.rule());
    }
    return out;
  }
}
