package dev.gwc.yaml;

import static dev.gwc.yaml.YamlTesting.at;
import static dev.gwc.yaml.YamlTesting.load;
import static dev.gwc.yaml.YamlTesting.root;
import static dev.gwc.yaml.YamlTesting.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.diag.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input written to hurt the parser: each case ends in a diagnostic (or reads fine), never in an
 * exception or a hang.
 */
class HostileYamlTest {
  /** Generous for a slow CI machine; each case takes well under a second here. */
  private static final Duration LIMIT = Duration.ofSeconds(5);

  private static final int DEEP = 20_000;

  /** Nine levels of nine aliases: 9^9 (about 387 million) nodes when expanded. */
  static String billionLaughs(boolean maps) {
    StringBuilder sb = new StringBuilder("l0: &l0 " + (maps ? "{k: lol}" : "[lol]") + "\n");
    for (int level = 1; level <= 9; level++) {
      sb.append("l").append(level).append(": &l").append(level).append(maps ? " {" : " [");
      for (int i = 0; i < 9; i++) {
        sb.append(i == 0 ? "" : ", ")
            .append(maps ? "k" + i + ": " : "")
            .append("*l")
            .append(level - 1);
      }
      sb.append(maps ? "}\n" : "]\n");
    }
    return sb.toString();
  }

  private static LoadResult loadWithin(Supplier<String> text) {
    return assertTimeoutPreemptively(LIMIT, () -> load(text.get()));
  }

  private static void assertOnly(String rule, LoadResult r) {
    assertFalse(r.diagnostics().isEmpty(), "expected a diagnostic");
    for (Diagnostic d : r.diagnostics()) {
      assertEquals(rule, d.rule(), d::toString);
    }
  }

  @ParameterizedTest(name = "maps={0}")
  @ValueSource(booleans = {false, true})
  void aliasBomb_nineLevels_reportsLimitAndSkipsTheDocument(boolean maps) {
    LoadResult r = loadWithin(() -> billionLaughs(maps) + "---\nafter: 1\n");
    assertEquals(List.of("input-limit"), rules(r));
    Diagnostic d = r.diagnostics().get(0);
    assertTrue(d.message().contains("aliases expand this document"), d.message());
    assertEquals(0, d.span().document());
    assertEquals(1L, Plain.of(at(root(r, 1), "after")), "the next document is still read");
    assertTrue(
        r.documents().stream().filter(doc -> doc.index() == 0).allMatch(x -> x.root() == null));
  }

  @Test
  void aliasBomb_withinLimits_readFine() {
    LoadResult r = loadWithin(() -> "a: &a [1, 2, 3]\nb: [*a, *a, *a]\nc: [*a, *a]\n");
    assertEquals(List.of(), r.diagnostics());
    assertEquals("[[1, 2, 3], [1, 2, 3]]", String.valueOf(Plain.of(at(root(r, 0), "c"))));
  }

  @Test
  void mergeBomb_manyMergesOfALargeMapping_reportsLimitQuickly() {
    StringBuilder sb = new StringBuilder("base: &b\n");
    for (int i = 0; i < 20_000; i++) {
      sb.append("  k").append(i).append(": ").append(i).append('\n');
    }
    for (int i = 0; i < 200; i++) {
      sb.append("m").append(i).append(": {<<: *b}\n");
    }
    LoadResult r = loadWithin(sb::toString);
    assertEquals(List.of("input-limit"), rules(r));
  }

  @Test
  void mergeKey_largeMappingMergedOnce_readFine() {
    StringBuilder sb = new StringBuilder("base: &b\n");
    for (int i = 0; i < 20_000; i++) {
      sb.append("  k").append(i).append(": ").append(i).append('\n');
    }
    sb.append("m:\n  <<: *b\n  k0: x\n");
    LoadResult r = loadWithin(sb::toString);
    assertEquals(List.of(), r.diagnostics());
    assertEquals(20_000, ((YMap) at(root(r, 0), "m")).entries().size());
    assertEquals("x", Plain.of(at(root(r, 0), "m.k0")));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"a: &a [*a]", "a: &a {b: *a}", "a: &a\n  b: *a", "&a [x, *a]"})
  void alias_recursive_reportsLimit(String yaml) {
    LoadResult r = loadWithin(() -> yaml + "\n");
    assertOnly("input-limit", r);
  }

  @Test
  void flowSequence_20kDeep_reportsLimitAndReadsTheNextDocument() {
    LoadResult r = loadWithin(() -> "[".repeat(DEEP) + "]".repeat(DEEP) + "\n---\nnext: 1\n");
    assertOnly("input-limit", r);
    assertEquals(0, r.diagnostics().get(0).span().document());
    assertEquals(1L, Plain.of(at(root(r, 1), "next")));
  }

  @Test
  void flowMapping_20kDeep_reportsLimit() {
    LoadResult r = loadWithin(() -> "{a: ".repeat(DEEP) + "1" + "}".repeat(DEEP) + "\n");
    assertOnly("input-limit", r);
  }

  @Test
  void flowSequence_20kDeepUnclosed_reportsADiagnostic() {
    LoadResult r = loadWithin(() -> "[".repeat(DEEP) + "\n");
    assertFalse(r.diagnostics().isEmpty());
  }

  @Test
  void blockSequence_20kDeepOnOneLine_reportsLimit() {
    LoadResult r = loadWithin(() -> "- ".repeat(DEEP) + "x\n");
    assertOnly("input-limit", r);
  }

  @Test
  void blockMapping_2000Deep_reportsLimitOnce() {
    // Indented block mappings grow quadratically in size; 2,000 levels is about 2 million chars.
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 2_000; i++) {
      sb.append(" ".repeat(i)).append("a:\n");
    }
    LoadResult r = loadWithin(sb::toString);
    assertEquals(List.of("input-limit"), rules(r));
  }

  @Test
  void nesting_justBelowTheLimit_readFine() {
    int depth = NodeConverter.MAX_DEPTH - 1;
    LoadResult r = loadWithin(() -> "[".repeat(depth) + "1" + "]".repeat(depth) + "\n");
    assertEquals(List.of(), r.diagnostics());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"plain", "double-quoted", "single-quoted", "flow", "words"})
  void longLine_2MB_readFine(String style) {
    int n = 2 * 1024 * 1024;
    String x = "x".repeat(n);
    String value =
        switch (style) {
          case "plain" -> x;
          case "double-quoted" -> "\"" + x + "\"";
          case "single-quoted" -> "'" + x + "'";
          case "flow" -> "[" + "1,".repeat(n / 16) + "1]";
          default -> "xxxxxxx ".repeat(n / 8);
        };
    LoadResult r = loadWithin(() -> "a: " + value + "\nb: 1\n");
    assertEquals(List.of(), r.diagnostics());
    assertEquals("2:1", YamlTesting.pos(at(root(r, 0), "b#key")));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"plain", "double-quoted"})
  void longLine_8MBSingleToken_readInLinearTime(String style) {
    // snakeyaml-engine refills its window by copying it: quadratic unless the buffer fits the line
    String x = "x".repeat(8 * 1024 * 1024);
    String value = style.equals("plain") ? x : "\"" + x + "\"";
    LoadResult r = loadWithin(() -> "a: " + value + "\n");
    assertEquals(List.of(), r.diagnostics());
    assertEquals(x.length(), ((String) Plain.of(at(root(r, 0), "a"))).length());
  }

  @Test
  void longKey_over1024Chars_reportsSyntaxAsKubectlDoes() {
    LoadResult r = loadWithin(() -> "k".repeat(2_000) + ": 1\n");
    assertOnly("yaml-syntax", r);
  }

  @Test
  void documents_20kSmallOnes_allReadQuickly() {
    int n = 20_000;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append("---\nkind: ConfigMap\nmetadata: {name: cm-").append(i).append("}\n");
    }
    LoadResult r = loadWithin(sb::toString);
    assertEquals(List.of(), r.diagnostics());
    assertEquals(n, r.documents().size());
    YamlDocument last = r.documents().get(n - 1);
    assertEquals(n - 1, last.index());
    assertEquals(3 * n - 1, last.root().span().line());
    assertEquals("cm-" + (n - 1), Plain.of(at(last.root(), "metadata.name")));
  }

  @Test
  void separators_20kInARow_readAsEmptyDocuments() {
    LoadResult r = loadWithin(() -> "---\n".repeat(DEEP));
    assertEquals(List.of(), r.diagnostics());
    assertEquals(DEEP, r.documents().size());
  }

  @Test
  void duplicateKeys_100kOfTheSameKey_reportedInLinearTime() {
    LoadResult r = loadWithin(() -> "a: 1\n".repeat(100_000));
    assertEquals(99_999, r.diagnostics().size());
    assertEquals(1, ((YMap) root(r, 0)).entries().size());
  }

  @Test
  void binaryFile_withNulBytes_reportsInvalidEncoding() {
    byte[] bytes = new byte[64 * 1024];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31);
    }
    LoadResult r = assertTimeoutPreemptively(LIMIT, () -> YamlLoader.load("x.bin", bytes));
    assertEquals(List.of("invalid-encoding"), rules(r));
    assertEquals(List.of(), r.documents());
  }

  @Test
  void invalidUtf8_reportsInvalidEncodingAtTheLineOfTheBadByte() {
    byte[] bytes = "a: 1\nb: 2\nc: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    LoadResult r = YamlLoader.load("latin1.yaml", bytes);
    assertEquals(List.of("invalid-encoding"), rules(r));
    assertEquals(3, r.diagnostics().get(0).span().line());
  }

  @ParameterizedTest(name = "[{index}]")
  @ValueSource(strings = {"", "\n\n\n", "# only\n# comments\n", "   ", "#"})
  void emptyOrCommentsOnly_noDocumentsNoDiagnostics(String text) {
    LoadResult r = loadWithin(() -> text);
    assertEquals(List.of(), r.documents());
    assertEquals(List.of(), r.diagnostics());
  }

  @Test
  void emptyBytes_noDocumentsNoDiagnostics() {
    LoadResult r = YamlLoader.load("empty.yaml", new byte[0]);
    assertEquals(List.of(), r.documents());
    assertEquals(List.of(), r.diagnostics());
  }
}
