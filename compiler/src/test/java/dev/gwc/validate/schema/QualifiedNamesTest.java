package dev.gwc.validate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QualifiedNamesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "app",
        "app.kubernetes.io/name",
        "example.com/a_b-c.d",
        "a",
        "A1",
        "x.y/Z",
        "012345678901234567890123456789012345678901234567890123456789012"
      })
  void problem_qualifiedName_isNull(String key) {
    assertEquals(null, QualifiedNames.problem(key));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bad key",
        "-app",
        "app-",
        "/name",
        "Example.com/name",
        "example.com/",
        "a/b/c",
        "0123456789012345678901234567890123456789012345678901234567890123",
        ""
      })
  void problem_notAQualifiedName_isDescribed(String key) {
    assertNotNull(QualifiedNames.problem(key), key);
  }
}
