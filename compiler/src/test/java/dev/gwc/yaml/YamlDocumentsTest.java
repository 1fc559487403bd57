package dev.gwc.yaml;

import static dev.gwc.yaml.YamlTesting.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Document indexes: every {@code ---} starts a document (an empty one too, as a YAML parser counts
 * them), while text before the first {@code ---} that holds only comments is not a document.
 */
class YamlDocumentsTest {
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // input (\n as written)                   | documents as index@line=content
        "a: 1                                      | 0@1=a",
        "---\\na: 1                                | 0@2=a",
        "a: 1\\n---\\nb: 2                         | 0@1=a 1@3=b",
        "---\\na: 1\\n---\\nb: 2\\n                | 0@2=a 1@4=b",
        "a: 1\\n---\\n---\\nb: 2                   | 0@1=a 1=empty 2@4=b",
        "---\\n---\\na: 1                          | 0=empty 1@3=a",
        "a: 1\\n---\\n# only a comment\\n---\\nb: 2 | 0@1=a 1=empty 2@5=b",
        "# header\\n# more\\n---\\na: 1            | 0@4=a",
        "# header\\na: 1\\n---\\nb: 2              | 0@2=a 1@4=b",
        "a: 1\\n---\\n                             | 0@1=a 1=empty",
        "a: 1\\n...\\n---\\nb: 2                   | 0@1=a 1@4=b",
        "a: 1\\n--- # second\\nb: 2                | 0@1=a 1@3=b",
        "a: 1\\n---\\t\\nb: 2                      | 0@1=a 1@3=b",
        "- x\\n---\\n- y\\n---\\nz                 | 0@1=x 1@3=y 2@5=z",
        "a: >\\n  ---x\\n---\\nb: 2                | 0@1=a 1@4=b",
      })
  void documents_separatorsAndEmptyDocuments_indexedInOrder(String input, String expected) {
    LoadResult r = load(input.strip().replace("\\n", "\n").replace("\\t", "\t"));
    assertEquals(List.of(), r.diagnostics());
    assertEquals(expected.strip(), describe(r));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''",
        "'\\n\\n'",
        "'   \\n\\t\\n'",
        "'# only\\n# comments\\n'",
        "'# a comment without a newline'",
      })
  void documents_nothingButWhitespaceOrComments_noDocumentsNoDiagnostics(String input) {
    LoadResult r = load(input.replace("\\n", "\n").replace("\\t", "\t"));
    assertEquals(List.of(), r.documents());
    assertEquals(List.of(), r.diagnostics());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a: 1\\n---\\nb: [\\n---\\nc: 3  | 1 | 0@1=a 2@5=c",
        "a: 1\\n---\\nb: 2\\n---\\nc: [ | 2 | 0@1=a 1@3=b",
        "a: [\\n---\\nb: 2\\n---\\nc: 3  | 0 | 1@3=b 2@5=c",
        "---\\n---\\nbad: [\\n---\\nc: 3 | 1 | 0=empty 2@5=c",
      })
  void documents_syntaxErrorInOne_othersKeepTheirIndexes(
      String input, int broken, String expected) {
    LoadResult r = load(input.strip().replace("\\n", "\n"));
    assertEquals(1, r.diagnostics().size(), () -> r.diagnostics().toString());
    assertEquals("yaml-syntax", r.diagnostics().get(0).rule());
    assertEquals(broken, r.diagnostics().get(0).span().document());
    assertEquals(expected, describe(r));
  }

  @org.junit.jupiter.api.Test
  void documents_result_sharesTheDecodedSource() {
    LoadResult r = load("a: 1\n---\nb: 2\n");
    assertEquals("a: 1\n---\nb: 2\n", r.source().text());
    assertSame(r.source(), r.documents().get(1).source());
    assertNull(YamlLoader.load("x", new byte[] {0}).source());
  }

  /** "index@line=content" per document (content is the first key or item), or "index=empty". */
  private static String describe(LoadResult r) {
    StringJoiner out = new StringJoiner(" ");
    for (YamlDocument d : r.documents()) {
      YNode root = d.root();
      String content;
      if (root == null || (root instanceof YScalar s && s.isNull())) {
        content = "empty";
      } else if (root instanceof YMap m) {
        content = m.entries().get(0).name();
      } else if (root instanceof YSeq s) {
        content = ((YScalar) s.items().get(0)).text();
      } else {
        content = ((YScalar) root).text();
      }
      out.add(
          content.equals("empty")
              ? d.index() + "=empty"
              : d.index() + "@" + root.span().line() + "=" + content);
    }
    return out.toString();
  }
}
