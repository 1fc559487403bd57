package dev.gwc.yaml;

import static dev.gwc.yaml.YamlTesting.at;
import static dev.gwc.yaml.YamlTesting.load;
import static dev.gwc.yaml.YamlTesting.pos;
import static dev.gwc.yaml.YamlTesting.root;
import static dev.gwc.yaml.YamlTesting.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.diag.Diagnostic;
import dev.gwc.diag.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;

/** Syntax errors become one {@code yaml-syntax} diagnostic each, with hints for common mistakes. */
class SyntaxErrorsTest {
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // input                         | at   | message contains
        "a: 1\\nb: [1, 2\\nc: 3          | 3:2  | expected ',' or ']'",
        "a: 1\\n b: 2                    | 2:3  | mapping values are not allowed here",
        "key: value: other               | 1:11 | mapping values are not allowed here",
        "- a\\nb: 1                      | 2:1  | expected <block end>",
        "a:\\n  - b\\n  c: d             | 3:3  | expected <block end>",
        "a: 1\\nb: 2\\nc: @x             | 3:4  | found character '@'",
        "a: \"x\\q\"                     | 1:7  | unknown escape character",
        "a: {b: 1                        | 2:1  | expected ',' or '}'",
        "a: 1\\n---x                     | 3:1  | could not find expected ':'",
      })
  void syntaxError_reportedAtTheProblem(String input, String at, String message) {
    String yaml = input.strip().replace("\\n", "\n") + "\n";
    LoadResult r = load(yaml);
    Diagnostic d = single(r);
    assertEquals("yaml-syntax", d.rule());
    assertEquals(Severity.ERROR, d.severity());
    assertEquals(at, pos(d));
    assertTrue(d.message().contains(message), d.message());
    assertEquals(List.of(), r.documents());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // input (\\uXXXX for the character)  | document | at  | code point
        "a: \\u0001                           | 0 | 1:4 | U+0001",
        "a: 1\\nb: x\\u0007y                | 0 | 2:5 | U+0007",
        "a: 1\\n---\\nb: 2\\nc: \\u001b[31m | 1 | 4:4 | U+001B",
        "\\u00e9\\u00e9: \\u0008           | 0 | 1:5 | U+0008",
        "a: 1\\r\\nb: 2\\r\\nc: \\u0001    | 0 | 3:4 | U+0001",
        "a: [\\uFFFE]                         | 0 | 1:5 | U+FFFE",
      })
  void controlCharacter_anywhere_reportedAtItsLineAndColumn(
      String input, int document, String at, String codePoint) {
    String yaml = unescape(input.strip()) + "\n";
    Diagnostic d = single(load(yaml));
    assertEquals("yaml-syntax", d.rule());
    assertEquals(document, d.span().document());
    assertEquals(at, pos(d));
    assertTrue(d.message().startsWith("special characters are not allowed"), d.message());
    assertTrue(d.message().contains(codePoint), d.message());
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && s.charAt(i + 1) == 'u') {
        out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
        i += 5;
      } else if (c == '\\' && s.charAt(i + 1) == 'n') {
        out.append('\n');
        i++;
      } else if (c == '\\' && s.charAt(i + 1) == 'r') {
        out.append('\r');
        i++;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  @Test
  void syntaxError_unterminatedQuote_reported() {
    Diagnostic d = single(load("a: 'unterminated\nb: 2\n"));
    assertEquals("yaml-syntax", d.rule());
    assertTrue(d.message().contains("quoted scalar"), d.message());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a: 1\\n---\\nb: [1\\nc: 2\\n---\\nd: 4 | 1 | 4:2",
        "a: 1\\n...\\nb: [                      | 1 | 3:1",
        "a: 1\\nb: 2\\n---\\n---\\nc: {         | 2 | 6:1",
      })
  void syntaxError_inOneDocument_otherDocumentsStillRead(String input, int document, String at) {
    LoadResult r = load(input.strip().replace("\\n", "\n") + "\n");
    Diagnostic d = single(r);
    assertEquals("yaml-syntax", d.rule());
    assertEquals(document, d.span().document());
    assertEquals(at, pos(d));
    assertEquals(1L, Plain.of(at(root(r, 0), "a")));
    for (YamlDocument doc : r.documents()) {
      assertTrue(doc.index() != document, "the broken document is not returned");
    }
  }

  @Test
  void syntaxError_documentsAfterSeparator_returnedWithTheirIndexes() {
    LoadResult r = load("a: [\n---\nb: 2\n---\nc: 3\n");
    assertEquals(0, single(r).span().document());
    assertEquals(2L, Plain.of(at(root(r, 1), "b")));
    assertEquals(3L, Plain.of(at(root(r, 2), "c")));
    assertEquals("5:1", pos(at(root(r, 2), "c#key")));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the colon's line:column, whatever line the parser stopped at
        "apiVersion: v1\\nkind\\uFF1A Gateway\\nmetadata:\\n  name: x     | 0 | 2:5",
        "apiVersion: v1\\nmetadata:\\n  name\\uFF1A x\\n  namespace: y   | 0 | 3:7",
        "apiVersion: v1\\nmetadata:\\n  namespace: y\\n  name\\uFF1Ax   | 0 | 4:7",
        "a: b\\n---\\nkind\\uFF1A Gateway\\nmetadata: {}                 | 1 | 3:5",
        "a: b\\n---\\nx: 1\\n---\\n- name\\uFF1A a\\n  port: 1           | 2 | 5:7",
      })
  void fullWidthColon_usedAsKeySeparator_hintPointsAtTheColon(
      String input, int document, String at) {
    LoadResult r = load(input.strip().replace("\\n", "\n").replace("\\uFF1A", "\uFF1A") + "\n");
    Diagnostic d = single(r);
    assertEquals("yaml-syntax", d.rule());
    assertEquals(document, d.span().document());
    assertEquals(at, pos(d));
    assertTrue(d.message().contains("U+FF1A"), d.message());
    assertTrue(d.message().contains("use ':' followed by a space"), d.message());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a: \"\\u6642\\uFF1A10\"\\nb: [1\\nc: 2 | 3:2",
        "a: x\\uFF1Ay\\nb: [1\\nc: 2           | 3:2",
        "# note\\uFF1A x\\nb: [1\\nc: 2        | 3:2",
        "a: 'k\\uFF1A v'\\nb: [1\\nc: 2        | 3:2",
      })
  void fullWidthColon_inValueStringOrComment_doesNotHideTheRealError(String input, String at) {
    String yaml =
        input
            .strip()
            .replace("\\n", "\n")
            .replace("\\uFF1A", "\uFF1A")
            .replace("\\u6642", "\u6642");
    Diagnostic d = single(load(yaml + "\n"));
    assertEquals(at, pos(d));
    assertFalse(d.message().contains("U+FF1A"), d.message());
    assertTrue(d.message().contains("expected ',' or ']'"), d.message());
  }

  @Test
  void fullWidthColon_inValidYaml_noYamlDiagnostic() {
    LoadResult r = load("note: \"\u6642\u9593\uFF1A10\u5206\"\n");
    assertEquals(List.of(), r.diagnostics());
    assertEquals("\u6642\u9593\uFF1A10\u5206", Plain.of(at(root(r, 0), "note")));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a: 1\\n\\tb: 2         | 2:1",
        "a:\\n\\t- 1            | 2:1",
        "a:\\n  b: 1\\n\\tc: 2  | 3:1",
        "a: 1\\n  \\tb: 2       | 2:5",
      })
  void tab_usedForIndentation_hintAdded(String input, String at) {
    Diagnostic d = single(load(input.strip().replace("\\n", "\n").replace("\\t", "\t") + "\n"));
    assertEquals("yaml-syntax", d.rule());
    assertEquals(at, pos(d));
    assertTrue(d.message().endsWith("(tabs cannot indent YAML; use spaces)"), d.message());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {"a: b\\tc | b\\tc", "a:\\tb | b", "a: [1,\\t2] | [1, 2]"})
  void tab_asSeparationInsideALine_readFine(String input, String expected) {
    LoadResult r = load(input.strip().replace("\\t", "\t").replace("\\n", "\n") + "\n");
    assertEquals(List.of(), r.diagnostics());
    assertEquals(expected.replace("\\t", "\t"), String.valueOf(Plain.of(at(root(r, 0), "a"))));
  }

  @Test
  void syntaxError_noTab_noTabHint() {
    assertFalse(single(load("a: 1\n b: 2\n")).message().contains("tab"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Mapping values are not allowed here.       | mapping values are not allowed here",
        "  found undefined alias x                  | found undefined alias x",
        "YAML stream ends early                     | YAML stream ends early",
        "A                                          | a",
        "first line\\n in \"<reader>\", line 3:1\\n x | first line",
      })
  void clean_snakeyamlMessage_oneLowercaseLineWithoutPeriod(String message, String expected) {
    assertEquals(expected, SyntaxErrors.clean(message.replace("\\n", "\n")));
  }

  @ParameterizedTest
  @NullSource
  void clean_noMessage_saysSyntaxError(String message) {
    assertEquals("syntax error", SyntaxErrors.clean(message));
  }

  @Test
  void syntaxError_diagnostic_hasNoResourceOrFieldPath() {
    Diagnostic d = single(load("a: [\n"));
    assertNull(d.fieldPath());
    assertEquals(YamlTesting.FILE, d.span().file());
  }
}
