package dev.gwc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.table.Filter;
import dev.gwc.table.HeaderList;
import dev.gwc.table.PathMatch;
import dev.gwc.table.ValueMatch;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Path, header and query matching; header lists; path rewrites with the API's slash rules. */
class MatchersTest {

  @ParameterizedTest(name = "PathPrefix {0} vs {1} -> {2}")
  @CsvSource({
    "/foo, /foo, true",
    "/foo, /foo/, true",
    "/foo, /foo/bar, true",
    "/foo, /foobar, false",
    "/foo/, /foo, true",
    "/foo/, /foo/bar, true",
    "/foo/, /foobar, false",
    "/, /, true",
    "/, /anything/at/all, true",
    "/foo/bar, /foo, false",
  })
  void pathPrefix_matchesWholeSegmentsOnly(String prefix, String path, boolean matches) {
    assertEquals(matches, PathMatch.of("PathPrefix", prefix).matches(path));
  }

  @ParameterizedTest(name = "Exact {0} vs {1} -> {2}")
  @CsvSource({"/one, /one, true", "/one, /one/, false", "/two, /Two, false", "/one, /one/x, false"})
  void exactPath_matchesOnlyTheSamePath(String value, String path, boolean matches) {
    assertEquals(matches, PathMatch.of("Exact", value).matches(path));
  }

  @Test
  void regexPath_matchesTheWholePath() {
    PathMatch m = PathMatch.of("RegularExpression", "/v[0-9]+/.*");
    assertTrue(m.matches("/v2/items"));
    assertFalse(m.matches("/api/v2/items"));
    assertFalse(m.matches("/vx/items"));
  }

  @Test
  void regexPath_catastrophicPattern_runsInLinearTime() {
    PathMatch m = PathMatch.of("RegularExpression", "(a+)+$");
    String hostile = "a".repeat(50_000) + "!";
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertFalse(m.matches(hostile)));
  }

  @Test
  void regexPath_notRe2_isRejectedWithTheReason() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> PathMatch.of("RegularExpression", "(?<=a)b"));
    assertTrue(e.getMessage().contains("not valid RE2"), e.getMessage());
  }

  @Test
  void headerMatch_exactValue_isCaseSensitive_nameIsNot() {
    HeaderList h = HeaderList.EMPTY.add("X-Version", "Two");
    ValueMatch m = ValueMatch.of("Exact", "x-version", "Two");
    assertTrue(m.test(h.joined(m.name())));
    assertFalse(ValueMatch.of("Exact", "X-VERSION", "two").test(h.joined("X-VERSION")));
    assertFalse(m.test(null));
  }

  @Test
  void headerMatch_regex_matchesTheWholeValue() {
    ValueMatch m = ValueMatch.of("RegularExpression", "color", "red|yellow");
    assertTrue(m.test("red"));
    assertFalse(m.test("reddish"));
  }

  @Test
  void headerList_setAddRemove_ignoreNameCase() {
    HeaderList h =
        HeaderList.EMPTY
            .add("x-header-set", "old")
            .add("X-Header-Add", "a")
            .add("x-header-remove", "r")
            .set("X-Header-Set", "new")
            .add("x-header-add", "b")
            .remove("X-HEADER-REMOVE");
    assertEquals(List.of("new"), h.values("x-header-set"));
    assertEquals("a,b", h.joined("x-header-add"));
    assertEquals(null, h.joined("x-header-remove"));
    assertEquals(List.of("x-header-add", "x-header-set"), List.copyOf(h.asMap().keySet()));
  }

  @ParameterizedTest(name = "{0} with prefix {1} replaced by ''{2}'' -> {3}")
  @CsvSource({
    "/foo/bar, /foo, /xyz, /xyz/bar",
    "/foo/bar, /foo, /xyz/, /xyz/bar",
    "/foo/bar, /foo/, /xyz, /xyz/bar",
    "/foo/bar, /foo/, /xyz/, /xyz/bar",
    "/foo, /foo, /xyz, /xyz",
    "/foo/, /foo, /xyz, /xyz/",
    "/foo/bar, /foo, '', /bar",
    "/foo/, /foo, '', /",
    "/foo, /foo, '', /",
    "/foo/, /foo, /, /",
    "/foo, /foo, /, /",
    "/foo/bar, /, /xyz, /xyz/foo/bar",
    "/strip-prefix/three, /strip-prefix, /, /three",
  })
  void replacePrefixMatch_followsTheSpecificationTable(
      String path, String prefix, String replacement, String expected) {
    PathMatch m = PathMatch.of("PathPrefix", prefix);
    assertEquals(
        expected,
        PathRewrites.apply(new Filter.PathModifier("ReplacePrefixMatch", replacement), path, m));
  }

  @Test
  void replacePrefixMatch_onExactMatch_isNotApplied() {
    assertEquals(
        null,
        PathRewrites.apply(
            new Filter.PathModifier("ReplacePrefixMatch", "/x"),
            "/a",
            PathMatch.of("Exact", "/a")));
  }

  @Test
  void corsOrigin_wildcardLabel_defaultPorts() {
    Filter.Cors c =
        new Filter.Cors(
            List.of("https://*.bar.com", "http://foo.com"),
            List.of(),
            List.of(),
            List.of(),
            false,
            null);
    assertTrue(CorsPolicy.allowed(c, "https://a.b.bar.com"));
    assertTrue(CorsPolicy.allowed(c, "https://www.bar.com:443"));
    assertFalse(CorsPolicy.allowed(c, "https://bar.com"));
    assertFalse(CorsPolicy.allowed(c, "http://www.bar.com"));
    assertTrue(CorsPolicy.allowed(c, "http://foo.com:80"));
    assertFalse(CorsPolicy.allowed(c, "http://foo.com:8080"));
  }
}
