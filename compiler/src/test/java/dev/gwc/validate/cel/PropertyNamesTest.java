package dev.gwc.validate.cel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The escaping Kubernetes CEL applies to property names, as its documentation gives it. */
class PropertyNamesTest {
  @ParameterizedTest
  @CsvSource({
    "namespace, __namespace__",
    "if, __if__",
    "true, __true__",
    "x-prop, x__dash__prop",
    "redact__d, redact__underscores__d",
    "a.b, a__dot__b",
    "self/link, self__slash__link",
    "___x, __underscores___x",
  })
  void escaped(String name, String expected) {
    assertEquals(expected, PropertyNames.escaped(name));
    assertEquals(name, PropertyNames.unescaped(expected));
  }

  @ParameterizedTest
  @CsvSource({"name", "sectionName", "_x", "a_b", "namespaces"})
  void plainNames_notEscaped(String name) {
    assertNull(PropertyNames.escaped(name));
    assertNull(PropertyNames.unescaped(name));
  }
}
