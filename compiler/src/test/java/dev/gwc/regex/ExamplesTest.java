package dev.gwc.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Pattern;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Examples of what a path pattern matches, with each of its groups holding something. */
class ExamplesTest {
  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "'/api(/|$)(.*)', /api/x",
        "'/users/(\\d+)/orders', /users/0/orders",
        "'/(en|fr)/docs', /en/docs",
        "'^/v[0-9]{2}/', /v00/",
        "'/a(?:b|c)?d', /abd",
        "'/x[^/]+', /xx",
        "'/(?i)abc', /abc",
        "'/(|opt)end', /optend",
        "'/files/\\.well-known/(.*)', /files/.well-known/x",
        "'(', null",
        "'/a)', null",
      })
  void fillsEveryGroup(String pattern, String expected) {
    assertEquals(expected, Examples.of(pattern));
  }

  @Test
  void nearlyEveryPathPatternGetsOne_andItMatches() {
    String[] parts = {"/a", "(b|c)", "[0-9]", "\\d+", ".*", "(x)?", "{2}", "[^/]", "(/|$)", "y*"};
    Random random = new Random(7);
    int found = 0;
    for (int i = 0; i < 2_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int n = random.nextInt(5); n >= 0; n--) {
        sb.append(parts[random.nextInt(parts.length)]);
      }
      String pattern = sb.toString();
      String example = Examples.of(pattern);
      if (example != null) {
        found++;
        assertTrue(Pattern.compile(pattern).matcher(example).find(), pattern + " / " + example);
      }
    }
    // Only a quantifier with nothing before it (a part that starts "{2}") is beyond it.
    assertTrue(found > 1_500, found + " of 2000");
  }
}
