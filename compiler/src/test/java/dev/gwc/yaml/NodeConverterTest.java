package dev.gwc.yaml;

import static dev.gwc.yaml.YamlTesting.at;
import static dev.gwc.yaml.YamlTesting.load;
import static dev.gwc.yaml.YamlTesting.pos;
import static dev.gwc.yaml.YamlTesting.root;
import static dev.gwc.yaml.YamlTesting.rules;
import static dev.gwc.yaml.YamlTesting.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.diag.Diagnostic;
import dev.gwc.diag.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Duplicate keys, merge keys, tags and keys that are not scalars. */
class NodeConverterTest {
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // input                                  | path  | diagnostic at | value | first line
        "a: 1\\nb: 2\\na: 3                       | a     | 3:1           | 3     | 1",
        "{a: 1, b: 2, a: 3}                       | a     | 1:14          | 3     | 1",
        "x:\\n  y: 1\\n  z: 0\\n  y: 2            | x.y   | 4:3           | 2     | 2",
        "a: 1\\n'a': 2                            | a     | 2:1           | 2     | 1",
        "list:\\n- name: a\\n  port: 1\\n  port: 2 | list[0].port | 4:3   | 2     | 3",
        "x: {k: [1], k: {z: 1}}                   | x.k.z | 1:13          | 1     | 1",
      })
  void duplicateKey_secondOccurrence_reportedThereAndLastValueWins(
      String input, String path, String at, String value, int firstLine) {
    LoadResult r = load(input.strip().replace("\\n", "\n"));
    Diagnostic d = single(r);
    assertEquals("duplicate-key", d.rule());
    assertEquals(Severity.ERROR, d.severity());
    assertEquals(at, pos(d));
    assertTrue(d.message().contains("(first at line " + firstLine + ")"), d.message());
    assertEquals(value, String.valueOf(Plain.of(at(root(r, 0), path))));
  }

  @Test
  void duplicateKey_keptOnce_inTheMapping() {
    YMap m = (YMap) root(load("a: 1\nb: 2\na: 3\n"), 0);
    assertEquals(2, m.entries().size());
    assertEquals("3:1", pos(m.entry("a").key()));
  }

  @Test
  void duplicateKey_threeTimes_reportedTwiceAndLastWins() {
    LoadResult r = load("a: 1\na: 2\na: 3\n");
    assertEquals(List.of("duplicate-key", "duplicate-key"), rules(r));
    assertEquals("2:1", pos(r.diagnostics().get(0)));
    assertEquals("3:1", pos(r.diagnostics().get(1)));
    assertEquals(Map.of("a", 3L), Plain.of(root(r, 0)));
  }

  @Test
  void duplicateKey_inSecondDocument_spanNamesThatDocument() {
    Diagnostic d = single(load("a: 1\n---\nb: 1\nb: 2\n"));
    assertEquals(1, d.span().document());
    assertEquals("4:1", pos(d));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a: 1\\n---\\na: 2",
        "x: {a: 1}\\ny: {a: 2}",
        "a: 1\\nA: 2",
        "a: 1\\n'a ': 2",
      })
  void duplicateKey_differentMappingOrDocumentOrText_notReported(String input) {
    assertEquals(List.of(), load(input.replace("\\n", "\n")).diagnostics());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // merge into 'm'                                          | expected m
        "b: &b {x: 1, y: 2}\\nm:\\n  <<: *b                        | {x=1, y=2}",
        "b: &b {x: 1, y: 2}\\nm:\\n  <<: *b\\n  y: 3               | {y=3, x=1}",
        "b: &b {x: 1, y: 2}\\nm:\\n  y: 3\\n  <<: *b               | {y=3, x=1}",
        "m:\\n  <<: {x: 1}\\n  z: 0                                | {z=0, x=1}",
        "a: &a {x: 1}\\nb: &b {x: 2, z: 3}\\nm:\\n  <<: [*a, *b]   | {x=1, z=3}",
        "a: &a {x: 1}\\nb: &b {x: 2, z: 3}\\nm:\\n  <<: [*b, *a]   | {x=2, z=3}",
        "a: &a {x: 1}\\nb: &b {x: 2, z: 3}\\nm: {x: 0, <<: [*a, *b]} | {x=0, z=3}",
        "a: &a {x: 1}\\nm: {'<<': *a}                              | {<<={x=1}}",
        "a: &a {x: 1}\\nm: {\"<<\": *a}                            | {<<={x=1}}",
        "a: &a {x: {deep: 1}}\\nm:\\n  <<: *a                      | {x={deep=1}}",
      })
  void mergeKey_mapOrListOfMaps_fillsAbsentKeysAndExplicitKeysWin(String input, String expected) {
    LoadResult r = load(input.strip().replace("\\n", "\n"));
    assertEquals(List.of(), r.diagnostics());
    assertEquals(expected, String.valueOf(Plain.of(at(root(r, 0), "m"))));
  }

  @Test
  void mergeKey_anchoredMapping_isNotChanged() {
    LoadResult r = load("a: &a {x: 1}\nm:\n  <<: *a\n  y: 2\n");
    assertEquals("{x=1}", String.valueOf(Plain.of(at(root(r, 0), "a"))));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "m:\\n  <<: 1         | 2:7 | integer",
        "m:\\n  <<: [a]       | 2:8 | string",
        "m:\\n  <<: [[1]]     | 2:8 | array",
        "m:\\n  <<: null      | 2:7 | null",
      })
  void mergeKey_notAMapping_reportedAsSyntax(String input, String at, String type) {
    Diagnostic d = single(load(input.strip().replace("\\n", "\n")));
    assertEquals("yaml-syntax", d.rule());
    assertEquals(at, pos(d));
    assertTrue(d.message().endsWith("not " + type), d.message());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "? [a, b]\\n: 1",
        "? {a: b}\\n: 1",
        "{[a]: 1}",
      })
  void key_notAScalar_reportedAsSyntax(String input) {
    LoadResult r = load(input.replace("\\n", "\n"));
    assertEquals(List.of("yaml-syntax"), rules(r));
    assertEquals(1, r.diagnostics().get(0).span().line());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "v: !!str 123       | string  | 123",
        "v: !!str yes       | string  | yes",
        "v: !!str           | string  | ''",
        "v: !!int \"42\"    | integer | 42",
        "v: !!int 0x10      | integer | 16",
        "v: !!float 1       | number  | 1.0",
        "v: !!bool 'yes'    | boolean | true",
        "v: !!null ''       | null    | null",
        "v: !!binary aGk=   | string  | aGk=",
        "v: !!timestamp 2024-01-01 | string | 2024-01-01",
        "v: 2024-01-01      | string  | 2024-01-01",
      })
  void tag_explicit_decidesTheType(String input, String type, String value) {
    YNode v = at(root(load(input.strip()), 0), "v");
    assertEquals(type, v.typeName());
    assertEquals(value, String.valueOf(Plain.of(v)));
  }

  @Test
  void scalar_keepsItsTextAndStyle() {
    YMap m = (YMap) root(load("a: 0x10\nb: '0x10'\n"), 0);
    YScalar a = (YScalar) m.get("a");
    YScalar b = (YScalar) m.get("b");
    assertEquals(16L, a.value());
    assertEquals("0x10", a.text());
    assertTrue(a.plain());
    assertEquals("0x10", b.value());
    assertFalse(b.plain());
  }

  @Test
  void alias_sharedValue_readAtEveryUse() {
    LoadResult r = load("a: &x [1, 2]\nb: *x\nc: *x\n");
    assertEquals(List.of(), r.diagnostics());
    assertEquals("{a=[1, 2], b=[1, 2], c=[1, 2]}", String.valueOf(Plain.of(root(r, 0))));
  }

  @Test
  void alias_undefined_reportedAsSyntaxWithoutLeadingColon() {
    Diagnostic d = single(load("a: 1\nb: *nowhere\n"));
    assertEquals("yaml-syntax", d.rule());
    assertEquals("2:4", pos(d));
    assertEquals("found undefined alias nowhere", d.message());
  }

  @Test
  void emptyValue_isNullNotMissing() {
    YMap m = (YMap) root(load("a:\nb: ~\n"), 0);
    assertTrue(((YScalar) m.get("a")).isNull());
    assertTrue(((YScalar) m.get("b")).isNull());
    assertNull(m.get("c"));
  }
}
