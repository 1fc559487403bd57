package dev.gwc.yaml;

import static dev.gwc.yaml.YamlTesting.at;
import static dev.gwc.yaml.YamlTesting.load;
import static dev.gwc.yaml.YamlTesting.root;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plain scalars resolve as kubectl resolves them (go-yaml v2, YAML 1.1); quoted scalars stay
 * strings. Each row is checked through {@link ScalarResolver} and through the loader.
 */
class ScalarResolverTest {
  @ParameterizedTest(name = "{0} is {1} {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        // booleans, YAML 1.1 spellings included
        "y | boolean | true",
        "Y | boolean | true",
        "yes | boolean | true",
        "Yes | boolean | true",
        "YES | boolean | true",
        "on | boolean | true",
        "On | boolean | true",
        "ON | boolean | true",
        "true | boolean | true",
        "True | boolean | true",
        "TRUE | boolean | true",
        "n | boolean | false",
        "N | boolean | false",
        "no | boolean | false",
        "No | boolean | false",
        "NO | boolean | false",
        "off | boolean | false",
        "Off | boolean | false",
        "OFF | boolean | false",
        "false | boolean | false",
        "False | boolean | false",
        "FALSE | boolean | false",
        "yES | string | yES",
        "oN | string | oN",
        "tRUE | string | tRUE",
        "nO | string | nO",
        "yep | string | yep",
        "t | string | t",
        // null
        "~ | null | null",
        "null | null | null",
        "Null | null | null",
        "NULL | null | null",
        "nULL | string | nULL",
        "none | string | none",
        // integers
        "0 | integer | 0",
        "42 | integer | 42",
        "-17 | integer | -17",
        "+5 | integer | 5",
        "0x1F | integer | 31",
        "0X1f | integer | 31",
        "-0x10 | integer | -16",
        "0o17 | integer | 15",
        "0O17 | integer | 15",
        "017 | integer | 15",
        "-017 | integer | -15",
        "0b101 | integer | 5",
        "1_000 | integer | 1000",
        "1_000_000 | integer | 1000000",
        "0x_ff | integer | 255",
        "00 | integer | 0",
        "9223372036854775807 | integer | 9223372036854775807",
        "-9223372036854775808 | integer | -9223372036854775808",
        // out of int64 range: a float, as go-yaml's float fallback reads it
        "9223372036854775808 | number | 9.223372036854776E18",
        "-9223372036854775809 | number | -9.223372036854776E18",
        "123456789012345678901234567890 | number | 1.2345678901234568E29",
        // out of range without a float reading: text
        "0x1FFFFFFFFFFFFFFFF | string | 0x1FFFFFFFFFFFFFFFF",
        // not octal digits: go-yaml's float regex still matches
        "08 | number | 8.0",
        "09.5 | number | 9.5",
        // floats
        "1.5 | number | 1.5",
        "-0.5 | number | -0.5",
        ".5 | number | 0.5",
        "1. | number | 1.0",
        "1e3 | number | 1000.0",
        "1.5E-3 | number | 0.0015",
        "6.02e+23 | number | 6.02E23",
        "+1.0 | number | 1.0",
        "1_0.5 | number | 10.5",
        ".inf | number | Infinity",
        ".Inf | number | Infinity",
        ".INF | number | Infinity",
        "+.inf | number | Infinity",
        "-.inf | number | -Infinity",
        "-.INF | number | -Infinity",
        ".nan | number | NaN",
        ".NaN | number | NaN",
        ".NAN | number | NaN",
        ".iNf | string | .iNf",
        "-.nan | string | -.nan",
        ".nAn | string | .nAn",
        // looks numeric, is text
        "1:20 | string | 1:20",
        "1.2.3 | string | 1.2.3",
        "0x | string | 0x",
        "0o | string | 0o",
        "0xG1 | string | 0xG1",
        "0b102 | string | 0b102",
        "1e | string | 1e",
        "+ | string | +",
        "-x | string | -x",
        ". | string | .",
        "_1 | string | _1",
        "10Gi | string | 10Gi",
        "1h30m | string | 1h30m",
        "v1 | string | v1",
        "2024-01-01 | string | 2024-01-01",
        "12:30:00 | string | 12:30:00",
        "80/TCP | string | 80/TCP",
        "1,000 | string | 1,000",
      })
  void resolvePlain_kubectlYaml11_table(String text, String type, String expected) {
    Object direct = ScalarResolver.resolvePlain(text);
    assertEquals(type, YScalar.typeOf(direct));
    assertEquals(expected, String.valueOf(direct));

    YScalar loaded = (YScalar) at(root(load("v: " + text + "\n"), 0), "v");
    assertEquals(type, loaded.typeName(), "through the loader");
    assertEquals(expected, String.valueOf(loaded.value()), "through the loader");
    assertEquals(text, loaded.text());
  }

  @Test
  void resolvePlain_emptyText_isNull() {
    assertSame(YScalar.NULL, ScalarResolver.resolvePlain(""));
    assertTrue(((YScalar) at(root(load("v:\n"), 0), "v")).isNull());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "\"yes\"",
        "'on'",
        "'n'",
        "\"true\"",
        "'1'",
        "\"0x10\"",
        "'0755'",
        "\"1_000\"",
        "'1e3'",
        "\".inf\"",
        "'.nan'",
        "\"null\"",
        "'~'",
        "\"\"",
        "''",
        "\"-1\"",
      })
  void quotedScalar_anyText_staysString(String quoted) {
    YScalar v = (YScalar) at(root(load("v: " + quoted + "\n"), 0), "v");
    assertEquals("string", v.typeName());
    assertEquals(quoted.substring(1, quoted.length() - 1), v.value());
    assertFalse(v.plain());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"|\n  123\n", ">\n  yes\n", "|-\n  null\n", ">-\n  0x10\n"})
  void blockScalar_anyText_staysString(String block) {
    YScalar v = (YScalar) at(root(load("v: " + block), 0), "v");
    assertEquals("string", v.typeName());
    assertFalse(v.plain());
  }

  @Test
  void resolvePlain_flowAndBlockItems_resolvedAlike() {
    LoadResult r = load("a: [yes, 0x10, ~, '1']\nb:\n- yes\n- 0x10\n- ~\n- '1'\n");
    List<?> a = (List<?>) Plain.of(at(root(r, 0), "a"));
    List<?> b = (List<?>) Plain.of(at(root(r, 0), "b"));
    assertEquals(List.of(true, 16L, YScalar.NULL, "1"), a);
    assertEquals(a, b);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "yes, true",
    "No, true",
    "ON, true",
    "off, true",
    "y, true",
    "N, true",
    "true, false",
    "False, false",
    "1, false",
    "yep, false",
  })
  void isYaml11Boolean_onlyTheSurprisingSpellings(String text, boolean expected) {
    assertEquals(expected, ScalarResolver.isYaml11Boolean(text));
  }
}
